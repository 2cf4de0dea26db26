using NorthKoreaShadowWar.Randomness;

namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// A <see cref="Random"/> backed by one of our streams, so that MathNet.Numerics' samplers (which take a
/// <see cref="Random"/>) draw from the per-trial, per-parameter streams. Reset for each draw; never shared
/// between threads.
/// </summary>
internal sealed class StreamRandom : Random
{
    private Xoroshiro128StarStar generator;

    public void Reset(Xoroshiro128StarStar state) => generator = state;

    public override double NextDouble() => generator.NextDouble();

    protected override double Sample() => generator.NextDouble();

    public override int Next() => (int)(generator.NextUInt64() >> 33);

    public override int Next(int maxValue) => (int)(generator.NextDouble() * maxValue);

    public override int Next(int minValue, int maxValue) => minValue + (int)(generator.NextDouble() * ((long)maxValue - minValue));

    public override long NextInt64() => (long)(generator.NextUInt64() >> 1);

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    public override void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++) buffer[i] = (byte)(generator.NextUInt64() >> 56);
    }
}
