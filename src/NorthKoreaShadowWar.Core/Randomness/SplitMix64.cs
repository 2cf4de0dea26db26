namespace NorthKoreaShadowWar.Randomness;

/// <summary>SplitMix64 (Steele, Lea and Flood): turns any 64-bit value into well-mixed seeds.</summary>
internal static class SplitMix64
{
    public static ulong Next(ref ulong state) => Mix(state += 0x9E3779B97F4A7C15UL);

    /// <summary>The SplitMix64 finaliser: a bijection of 64-bit values that scatters nearby inputs.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
