namespace NorthKoreaShadowWar.Reference;

/// <summary>What <see cref="ReferenceSimulator"/> counted: every outcome, in file order, and every machine's occupancy.</summary>
/// <param name="Trials">The number of trials run.</param>
/// <param name="Outcomes">One result per outcome of the scenario, in file order.</param>
/// <param name="Occupancy">One entry per machine, in file order.</param>
internal sealed record ReferenceResult(long Trials, IReadOnlyList<ReferenceOutcome> Outcomes, IReadOnlyList<ReferenceOccupancy> Occupancy)
{
    /// <summary>The outcome named <paramref name="name"/>.</summary>
    public ReferenceOutcome Outcome(string name) => Outcomes.Single(o => o.Name == name);

    /// <summary>The share of trials in which <paramref name="machine"/> is in <paramref name="state"/> after step <paramref name="step"/>.</summary>
    public double Share(string machine, string state, int step) => Occupancy.Single(o => o.Machine == machine).Share(state, step);
}
