using NorthKoreaShadowWar.Randomness;

namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// A trial's uniform draws, generated a block at a time in a tight loop and read one by one by the general loop's
/// interpreter. The hot loops (the generated steps and the table loop) step the generator themselves once the block is
/// used up (<see cref="GeneratorState"/>), so that the processor overlaps it with their moves; the numbers and their
/// order are exactly the generator's either way.
/// </summary>
internal sealed class UniformBuffer
{
    /// <summary>Draws generated per refill.</summary>
    public const int Length = 64;

    private Xoroshiro128StarStar generator;

    /// <summary>The current block of draws.</summary>
    public double[] Values { get; } = new double[Length];

    /// <summary>The index of the next unread draw; <see cref="Length"/> when the block is used up.</summary>
    public int Next { get; set; } = Length;

    /// <summary>
    /// The generator's state: the draws after those of the current block. Code that draws past the block itself
    /// (<see cref="Compilation.Generated.DrawCode"/>) reads it, steps it, and sets it back with the block used up.
    /// </summary>
    public (ulong S0, ulong S1) GeneratorState
    {
        get => generator.State;
        set => generator.State = value;
    }

    /// <summary>Starts a new stream; the next read refills.</summary>
    public void Reset(Xoroshiro128StarStar stream)
    {
        generator = stream;
        Next = Length;
    }

    /// <summary>Generates the next block and rewinds to its start.</summary>
    public void Refill()
    {
        generator.Fill(Values);
        Next = 0;
    }

    /// <summary>The next draw (for code off the hot path).</summary>
    public double NextDouble()
    {
        if (Next == Length) Refill();
        return Values[Next++];
    }
}
