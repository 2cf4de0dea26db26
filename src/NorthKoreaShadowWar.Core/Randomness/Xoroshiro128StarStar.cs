using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NorthKoreaShadowWar.Randomness;

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

    /// <summary>The two words of state, for code that steps the generator itself (the generated steps and the table loop).</summary>
    public (ulong S0, ulong S1) State
    {
        readonly get => (s0, s1);
        set => (s0, s1) = value;
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
    public double NextDouble() => (long)(NextUInt64() >> 11) * Scale;

    /// <summary>
    /// Fills <paramref name="destination"/> with the next draws: exactly the values of as many
    /// <see cref="NextDouble"/> calls, in order. The generator writes its 53-bit integers first, two per iteration with
    /// its state in registers, and converts them to doubles afterwards, a vector at a time: far fewer instructions per
    /// draw than converting each one on its own. It calls nothing, so the JIT optimises it fully everywhere.
    /// </summary>
    public void Fill(Span<double> destination)
    {
        var count = (nint)destination.Length;
        ref var first = ref MemoryMarshal.GetReference(destination);
        ref var integers = ref Unsafe.As<double, ulong>(ref first);
        var a = s0;
        var b = s1;
        nint i = 0;
        for (; i + 1 < count; i += 2)
        {
            Unsafe.Add(ref integers, i) = BitRotate(a * 5, 7) * 9;
            b ^= a;
            a = BitRotate(a, 24) ^ b ^ (b << 16);
            b = BitRotate(b, 37);
            Unsafe.Add(ref integers, i + 1) = BitRotate(a * 5, 7) * 9;
            b ^= a;
            a = BitRotate(a, 24) ^ b ^ (b << 16);
            b = BitRotate(b, 37);
        }
        if (i < count)
        {
            Unsafe.Add(ref integers, i) = BitRotate(a * 5, 7) * 9;
            b ^= a;
            a = BitRotate(a, 24) ^ b ^ (b << 16);
            b = BitRotate(b, 37);
        }
        s0 = a;
        s1 = b;
        ToUnitInterval(ref integers, count);
    }

    /// <summary>
    /// Turns <paramref name="count"/> 64-bit outputs in place into doubles, each exactly <c>(x &gt;&gt; 11) * 2^-53</c>
    /// as <see cref="NextDouble"/> computes it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ToUnitInterval(ref ulong integers, nint count)
    {
        nint i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + Vector512<ulong>.Count <= count; i += Vector512<ulong>.Count)
            {
                var bits = Vector512.ShiftRightLogical(Vector512.LoadUnsafe(ref integers, (nuint)i), 11).AsInt64();
                (Vector512.ConvertToDouble(bits) * Scale).AsUInt64().StoreUnsafe(ref integers, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            // Without a 64-bit integer conversion: a 53-bit integer v = high * 2^32 + low is, exactly,
            // (double(2^84 + high * 2^32) - (2^84 + 2^52)) + double(2^52 + low), each double made by setting bits.
            var highExponent = Vector256.Create(0x4530000000000000UL);
            var lowExponent = Vector256.Create(0x4330000000000000UL);
            var lowMask = Vector256.Create(0xFFFFFFFFUL);
            var offset = Vector256.Create(BitConverter.UInt64BitsToDouble(0x4530000000100000UL));
            var scale = Vector256.Create(Scale);
            for (; i + Vector256<ulong>.Count <= count; i += Vector256<ulong>.Count)
            {
                var bits = Vector256.ShiftRightLogical(Vector256.LoadUnsafe(ref integers, (nuint)i), 11);
                var high = (Vector256.ShiftRightLogical(bits, 32) | highExponent).AsDouble();
                var low = ((bits & lowMask) | lowExponent).AsDouble();
                (((high - offset) + low) * scale).AsUInt64().StoreUnsafe(ref integers, (nuint)i);
            }
        }
        for (; i < count; i++)
        {
            ref var x = ref Unsafe.Add(ref integers, i);
            x = BitConverter.DoubleToUInt64Bits((long)(x >> 11) * Scale);
        }
    }

    /// <summary>2^-53: a 53-bit integer times it is a draw in [0, 1).</summary>
    public const double Scale = 1.0 / (1L << 53);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong BitRotate(ulong x, int k) => (x << k) | (x >> (64 - k));
}
