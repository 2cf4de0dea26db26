using System.Runtime.CompilerServices;

namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// The xoroshiro128** generator (Blackman and Vigna): two 64-bit words of state, fast, and statistically
/// strong for the short streams a trial draws. Two words rather than four so that the hot loop can keep the
/// whole state in registers. A value type, seeded through SplitMix64 as its authors recommend.
/// </summary>
internal struct Xoroshiro128StarStar
{
    private ulong s0, s1;

    /// <summary>A generator whose state is two SplitMix64 outputs starting from <paramref name="seed"/>.</summary>
    public static Xoroshiro128StarStar FromSeed(ulong seed)
    {
        var generator = default(Xoroshiro128StarStar);
        generator.s0 = SplitMix64.Next(ref seed);
        generator.s1 = SplitMix64.Next(ref seed);
        return generator;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var first = s0;
        var second = s1;
        var result = BitRotate(first * 5, 7) * 9;
        second ^= first;
        s0 = BitRotate(first, 24) ^ second ^ (second << 16);
        s1 = BitRotate(second, 37);
        return result;
    }

    /// <summary>A uniform draw in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (long)(NextUInt64() >> 11) * (1.0 / (1L << 53));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong BitRotate(ulong x, int k) => (x << k) | (x >> (64 - k));
}
