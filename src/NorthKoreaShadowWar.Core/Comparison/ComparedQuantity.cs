namespace NorthKoreaShadowWar.Comparison;

/// <summary>How a compared quantity is read from one trial's outcomes (see <see cref="Simulation.TrialSimulator.ReadOutcomes"/>).</summary>
internal enum QuantityReading
{
    /// <summary>The outcome's own number: 1/0 for <c>reached</c>, the value, the count of steps.</summary>
    Value,
    /// <summary>1 if a <c>first_step</c> condition held at some step, else 0.</summary>
    Happened,
    /// <summary>1 if a <c>final</c> machine ended in the compared state, else 0.</summary>
    InState,
    /// <summary>Not readable trial by trial in both runs (the mean of a first step, over trials where it happened): compared unpaired.</summary>
    Unpaired,
}

/// <summary>
/// One number compared between two runs: an outcome's probability or mean, the chance a first step happens, or
/// the probability of one final state. <see cref="IndexA"/> and <see cref="IndexB"/> locate the outcome in each
/// run's scenario; <see cref="StateA"/> and <see cref="StateB"/> the state of a <c>final</c> outcome.
/// </summary>
internal sealed record ComparedQuantity(string Outcome, string Statistic, string? Category, QuantityReading Reading, int IndexA, int IndexB, int StateA = -1, int StateB = -1)
{
    /// <summary>A one-line label, e.g. <c>final_sk = Lethal</c> or <c>weeks_to_combat (mean)</c>.</summary>
    public string Label => Category is not null ? $"{Outcome} = {Category}" : Statistic is "probability" or "mean" ? Outcome : $"{Outcome} ({Statistic})";

    /// <summary>What trial outcomes <paramref name="outcomes"/> of run A (or B) give for this quantity.</summary>
    public double Read(ReadOnlySpan<double> outcomes, bool fromA)
    {
        var value = outcomes[fromA ? IndexA : IndexB];
        return Reading switch
        {
            QuantityReading.Happened => double.IsNaN(value) ? 0 : 1,
            QuantityReading.InState => value == (fromA ? StateA : StateB) ? 1 : 0,
            _ => value,
        };
    }
}
