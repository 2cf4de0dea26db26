namespace NorthKoreaShadowWar.Tests.Semantics;

/// <summary>
/// One rule of docs/scenario-format.md ("What a trial computes", "Outcomes", "Uncertain starting points"): a small model
/// and the exact answers it must give, worked out by hand, or the error it must stop with.
/// </summary>
/// <param name="Name">The rule in words, as the test is named.</param>
/// <param name="Yaml">The model.</param>
/// <param name="Trials">How many trials a Monte Carlo engine runs.</param>
/// <param name="Expected">The exact answers.</param>
internal sealed record StepRule(string Name, string Yaml, long Trials, IReadOnlyList<Expect> Expected)
{
    /// <summary>Every transition has probability 0 or 1 and nothing is drawn: every engine must give every answer exactly.</summary>
    public bool Deterministic { get; init; }

    /// <summary>Why the table loop does not take the model, or null when it does.</summary>
    public string? NotOnTableLoop { get; init; }

    /// <summary>Why exact propagation refuses the model, or null when it solves it.</summary>
    public string? NotExact { get; init; }

    /// <summary>The error the run must stop with instead of giving answers, or null.</summary>
    public string? Error { get; init; }

    public override string ToString() => Name;
}

/// <summary>One exact answer of a <see cref="StepRule"/>: what it is, its value, and how to read it from an engine's answer.</summary>
internal sealed record Expect(string What, double Value, Func<IAnswer, Reading> Read)
{
    public static Expect Probability(string outcome, double value) => new($"P({outcome})", value, a => a.Probability(outcome));

    public static Expect Mean(string outcome, double value) => new($"mean of {outcome}", value, a => a.Mean(outcome));

    public static Expect Never(string outcome, double value) => new($"{outcome} never", value, a => a.Never(outcome));

    public static Expect Final(string outcome, string state, double value) => new($"{outcome} = {state}", value, a => a.Final(outcome, state));

    public static Expect Share(string machine, string state, int step, double value) =>
        new($"share of {machine} in {state} after step {step}", value, a => a.Share(machine, state, step));

    /// <summary>The share of <paramref name="machine"/> in <paramref name="state"/> after each of <paramref name="steps"/>.</summary>
    public static IEnumerable<Expect> Shares(string machine, string state, IEnumerable<int> steps, double value) =>
        steps.Select(step => Share(machine, state, step, value));
}
