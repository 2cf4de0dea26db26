namespace NorthKoreaShadowWar.Tests.Semantics;

/// <summary>
/// One way of computing what a scenario gives (docs/scenario-format.md, "What a trial computes"): the kernel's general
/// loop with its per-step code generated or interpreted, its table loop, the reference simulator, or exact propagation.
/// <see cref="StepRuleTests"/> runs every rule of <see cref="StepRules"/> on each.
/// </summary>
internal interface ISemanticsEngine
{
    /// <summary>The engine's name, as the test results show it.</summary>
    string Name { get; }

    /// <summary>Why this engine cannot compute <paramref name="rule"/>'s model (as the rule states it), or null when it can.</summary>
    string? CannotRun(StepRule rule);

    /// <summary>Fails unless the engine indeed refuses (or never takes) <paramref name="yaml"/>, as <see cref="CannotRun"/> claims.</summary>
    void AssertCannotRun(string yaml);

    /// <summary>What <paramref name="yaml"/> gives: estimated from <paramref name="trials"/> trials drawn with <paramref name="seed"/>, or exactly.</summary>
    /// <exception cref="Diagnostics.SimulationException">The scenario did something impossible in some trial.</exception>
    IAnswer Run(string yaml, long trials, int seed);
}

/// <summary>The numbers an engine gives for a scenario, each with what it takes to judge it against the exact answer.</summary>
internal interface IAnswer
{
    /// <summary>The probability of a <c>reached</c> outcome.</summary>
    Reading Probability(string outcome);

    /// <summary>The mean of a <c>first_step</c> (over the trials where it happened), <c>steps_in</c> or <c>value</c> outcome.</summary>
    Reading Mean(string outcome);

    /// <summary>The share of trials in which a <c>first_step</c> outcome's condition never held.</summary>
    Reading Never(string outcome);

    /// <summary>The share of trials that end with the machine of a <c>final</c> outcome in <paramref name="state"/>.</summary>
    Reading Final(string outcome, string state);

    /// <summary>The share of trials with <paramref name="machine"/> in <paramref name="state"/> after step <paramref name="step"/>.</summary>
    Reading Share(string machine, string state, int step);
}
