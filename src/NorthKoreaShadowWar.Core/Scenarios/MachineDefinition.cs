using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Scenarios;

/// <summary>One probabilistic state machine of a scenario.</summary>
internal sealed record MachineDefinition(
    string Name,
    SourcePosition Position,
    Located<string>? Initial,
    IReadOnlyList<Located<string>> States,
    IReadOnlyList<Located<string>> Absorbing,
    IReadOnlyList<EachStepDefinition> EachStep,
    IReadOnlyList<TransitionDefinition> Transitions)
{
    /// <summary>
    /// The initial distribution when <c>initial</c> is written as a mapping from states to probabilities, in the order
    /// written; null when it names one state (<see cref="Initial"/>).
    /// </summary>
    public IReadOnlyList<InitialShare>? InitialShares { get; init; }

    /// <summary>A readable name for reports and traces, e.g. "South Korea's posture".</summary>
    public string? Label { get; init; }

    /// <summary>Readable text of states, by state name: a short label and the sentence a trace tells on entering it.</summary>
    public IReadOnlyDictionary<string, StoryText> StateTexts { get; init; } = new Dictionary<string, StoryText>();
}
