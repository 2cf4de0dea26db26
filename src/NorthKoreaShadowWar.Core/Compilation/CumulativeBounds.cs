using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace NorthKoreaShadowWar.Compilation;

/// <summary>
/// How a draw picks the outcome of a table row, in both trial loops: a row's outcomes have cumulative bounds (padded
/// with +infinity to whole vectors of four), and the draw u picks outcome k, where k is the number of bounds at or
/// below u; the last outcome (k = the number of real bounds) is "stay". Counting them with vector compares and a
/// popcount takes no branch. The counts are native integers, as the table loop adds them to addresses.
/// </summary>
internal static class CumulativeBounds
{
    /// <summary>The bounds at or below <paramref name="u"/> among the <paramref name="stride"/> (a multiple of four) from <paramref name="bounds"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CountAtOrBelow(double u, ref double bounds, int stride)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            var draw = Vector256.Create(u);
            var count = CountFour(draw, ref bounds);
            for (var j = 4; j < stride; j += 4) count += CountFour(draw, ref Unsafe.Add(ref bounds, j));
            return (int)count;
        }
        var scalarCount = 0;
        for (var j = 0; j < stride; j++)
            scalarCount += u >= Unsafe.Add(ref bounds, j) ? 1 : 0;
        return scalarCount;
    }

    /// <summary>The bounds at or below <paramref name="draw"/> (one draw in every lane) among the four from <paramref name="bounds"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint CountFour(Vector256<double> draw, ref double bounds) =>
        (nint)uint.PopCount(Vector256.GreaterThanOrEqual(draw, Vector256.LoadUnsafe(ref bounds)).ExtractMostSignificantBits());

    /// <summary>The bounds at or below <paramref name="draw"/> (one draw in every lane) among the eight from <paramref name="bounds"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint CountEight(Vector512<double> draw, ref double bounds) =>
        (nint)ulong.PopCount(Vector512.GreaterThanOrEqual(draw, Vector512.LoadUnsafe(ref bounds)).ExtractMostSignificantBits());
}
