using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Reference;

/// <summary>
/// The reference simulator: a deliberately plain statement of what a trial computes, and the oracle the fast
/// kernel (<c>Simulation/TrialSimulator</c>) is tested against. Each machine runs as a real Stateless state
/// machine (guards as guard clauses, effects as entry actions), expressions are evaluated by walking their tree,
/// and every step of every trial is simulated. It shares no code with the kernel's compiler, tables or random
/// streams, so the two agree only where both follow docs/scenario-format.md. It is slow: use it for tests.
/// </summary>
internal static class ReferenceSimulator
{
    /// <summary>Runs <paramref name="trials"/> trials of <paramref name="scenario"/> with draws from a <see cref="Random"/> seeded with <paramref name="seed"/>.</summary>
    /// <exception cref="Diagnostics.SimulationException">A state's outgoing probabilities add up to more than 1, or one is negative.</exception>
    public static ReferenceResult Run(ResolvedScenario scenario, long trials, int seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        var random = new Random(seed);
        var tallies = new ReferenceTallies(scenario);
        var trial = new ReferenceTrial(scenario, tallies);
        for (long t = 0; t < trials; t++) trial.Run(t, random);
        return tallies.ToResult();
    }
}
