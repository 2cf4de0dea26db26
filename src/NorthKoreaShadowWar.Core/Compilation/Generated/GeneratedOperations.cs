using System.Diagnostics;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NorthKoreaShadowWar.Compilation.Generated;

/// <summary>
/// The operations of <see cref="ProgramEvaluator"/> that are more than one arithmetic operation, as methods the
/// generated code calls (and the JIT inlines): a comparison is 1 or 0 for two finite numbers and not a number
/// otherwise; a state test is 1 or 0.
/// </summary>
internal static class GeneratedOperations
{
    public static readonly MethodInfo StateInMethod = Method(nameof(StateIn));
    private static readonly MethodInfo ReadDouble = typeof(GeneratedOperations).GetMethod(nameof(Read), [typeof(double[]), typeof(int)])!;
    private static readonly MethodInfo ReadInt = typeof(GeneratedOperations).GetMethod(nameof(Read), [typeof(int[]), typeof(int)])!;
    private static readonly MethodInfo WriteInt = Method(nameof(Write));
    private static readonly MethodInfo AddLong = Method(nameof(Add));

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
    /// An element of an array, read without a bounds check: generated code reads only indices the compiler sized the
    /// arrays for (slots, variables, machines, rows, outcomes, cells), as the general loop's fast loop does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Read(double[] values, int index)
    {
        Debug.Assert((uint)index < (uint)values.Length, "generated code read outside an array");
        return Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(values), index);
    }

    /// <inheritdoc cref="Read(double[], int)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Read(int[] values, int index)
    {
        Debug.Assert((uint)index < (uint)values.Length, "generated code read outside an array");
        return Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(values), index);
    }

    /// <summary>Sets an element of an array without a bounds check (see <see cref="Read(double[], int)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write(int[] values, int index, int value)
    {
        Debug.Assert((uint)index < (uint)values.Length, "generated code wrote outside an array");
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(values), index) = value;
    }

    /// <summary>Adds <paramref name="change"/> to an element of an array without a bounds check (see <see cref="Read(double[], int)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(long[] values, int index, long change)
    {
        Debug.Assert((uint)index < (uint)values.Length, "generated code wrote outside an array");
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(values), index) += change;
    }

    /// <summary>The element <paramref name="index"/> of <paramref name="array"/> (a double[] or an int[]), read through <see cref="Read(double[], int)"/>.</summary>
    public static Expression ReadAt(Expression array, Expression index) =>
        Expression.Call(array.Type == typeof(double[]) ? ReadDouble : ReadInt, array, index);

    /// <summary>Sets element <paramref name="index"/> of int[] <paramref name="array"/> through <see cref="Write"/>.</summary>
    public static Expression WriteAt(Expression array, Expression index, Expression value) => Expression.Call(WriteInt, array, index, value);

    /// <summary>Adds <paramref name="change"/> to element <paramref name="index"/> of long[] <paramref name="array"/> through <see cref="Add"/>.</summary>
    public static Expression AddAt(Expression array, Expression index, long change) => Expression.Call(AddLong, array, index, Expression.Constant(change));

    /// <summary>The method of comparison <paramref name="code"/>.</summary>
    public static MethodInfo Comparison(OpCode code) => Method(code.ToString());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Compared(bool holds, double left, double right) =>
        double.IsFinite(left) && double.IsFinite(right) ? (holds ? 1 : 0) : double.NaN;

    private static MethodInfo Method(string name) =>
        typeof(GeneratedOperations).GetMethod(name, BindingFlags.Public | BindingFlags.Static)
        ?? throw new InvalidOperationException($"no generated operation {name}");
}
