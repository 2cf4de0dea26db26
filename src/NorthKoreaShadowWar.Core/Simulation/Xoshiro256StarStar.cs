using System.Runtime.CompilerServices;

namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// The xoshiro256** generator (Blackman and Vigna): small, fast, statistically strong. A value type so
/// the hot loop keeps its state in registers. Seeded through SplitMix64, as its authors recommend.
/// </summary>
internal struct Xoshiro256StarStar
{
    private ulong s0, s1, s2, s3;

    /// <summary>A generator whose state is four SplitMix64 outputs starting from <paramref name="seed"/>.</summary>
    public static Xoshiro256StarStar FromSeed(ulong seed)
    {
        var generator = default(Xoshiro256StarStar);
        generator.s0 = SplitMix64.Next(ref seed);
        generator.s1 = SplitMix64.Next(ref seed);
        generator.s2 = SplitMix64.Next(ref seed);
        generator.s3 = SplitMix64.Next(ref seed);
        return generator;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = BitRotate(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = BitRotate(s3, 45);
        return result;
    }

    /// <summary>A uniform draw in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (long)(NextUInt64() >> 11) * (1.0 / (1L << 53));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong BitRotate(ulong x, int k) => (x << k) | (x >> (64 - k));
}
