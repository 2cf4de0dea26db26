namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// Uniform draws generated a block at a time in a tight loop, then read one by one by the hot loop. The
/// numbers and their order are exactly those of the generator; generating them apart keeps the generator's
/// state in registers and out of the machine loop.
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

    /// <summary>
    /// Moves the unread draws to the front and generates the rest of the block after them, so that the draws
    /// come in the same order as with <see cref="Refill"/> but a whole step's worth can be read without checks.
    /// </summary>
    public void RefillKeepingUnread()
    {
        var values = Values;
        var next = Next;
        var unread = Length - next;
        // At most a step's worth: a loop, not a call to Array.Copy.
        for (var i = 0; i < unread; i++) values[i] = values[next + i];
        generator.Fill(values.AsSpan(unread));
        Next = 0;
    }

    /// <summary>The next draw (for code off the hot path).</summary>
    public double NextDouble()
    {
        if (Next == Length) Refill();
        return Values[Next++];
    }
}
