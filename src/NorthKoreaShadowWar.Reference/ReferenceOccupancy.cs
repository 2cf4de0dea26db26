namespace NorthKoreaShadowWar.Reference;

/// <summary>For one machine, how many trials were in each state after each step t = 0..horizon.</summary>
/// <param name="Machine">The machine's name.</param>
/// <param name="States">Its states, in file order.</param>
/// <param name="Counts">Counts[state][step]: the trials in that state after that step (step 0 is the initial state).</param>
/// <param name="Trials">All trials.</param>
internal sealed record ReferenceOccupancy(string Machine, IReadOnlyList<string> States, long[][] Counts, long Trials)
{
    /// <summary>The share of trials in <paramref name="state"/> after step <paramref name="step"/>.</summary>
    public double Share(string state, int step)
    {
        var index = States.ToList().IndexOf(state);
        if (index < 0) throw new ArgumentException($"machine '{Machine}' has no state '{state}'", nameof(state));
        return (double)Counts[index][step] / Trials;
    }
}
