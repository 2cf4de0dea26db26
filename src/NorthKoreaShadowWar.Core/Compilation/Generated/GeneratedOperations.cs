using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Compilation.Generated;

/// <summary>
/// The operations of <see cref="ProgramEvaluator"/> that are more than one arithmetic operation, as methods the
/// generated code calls (and the JIT inlines): a comparison is 1 or 0 for two finite numbers and not a number
/// otherwise; a state test is 1 or 0.
/// </summary>
internal static class GeneratedOperations
{
    public static readonly MethodInfo StateInMethod = Method(nameof(StateIn));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double StateIn(ulong mask, int state) => ((mask >> state) & 1UL) != 0 ? 1 : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Less(double left, double right) => Compared(left < right, left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LessOrEqual(double left, double right) => Compared(left <= right, left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Greater(double left, double right) => Compared(left > right, left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double GreaterOrEqual(double left, double right) => Compared(left >= right, left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Equal(double left, double right) => Compared(left == right, left, right);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double NotEqual(double left, double right) => Compared(left != right, left, right);

    /// <summary>
    /// The outcome of a table row (its index among the row's outcomes) that draw <paramref name="u"/> picks from the
    /// <paramref name="stride"/> cumulative bounds at <paramref name="at"/> (see <see cref="CumulativeBounds"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int OutcomeOf(double u, double[] bounds, int at, int stride)
    {
        Debug.Assert(at >= 0 && at + stride <= bounds.Length, "a table row's context lies outside its bounds");
        return CumulativeBounds.CountAtOrBelow(u, ref bounds[at], stride);
    }

    /// <summary>The method of comparison <paramref name="code"/>.</summary>
    public static MethodInfo Comparison(OpCode code) => Method(code.ToString());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Compared(bool holds, double left, double right) =>
        double.IsFinite(left) && double.IsFinite(right) ? (holds ? 1 : 0) : double.NaN;

    private static MethodInfo Method(string name) =>
        typeof(GeneratedOperations).GetMethod(name, BindingFlags.Public | BindingFlags.Static)
        ?? throw new InvalidOperationException($"no generated operation {name}");
}
