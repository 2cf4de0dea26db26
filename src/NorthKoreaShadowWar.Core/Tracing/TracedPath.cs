using NorthKoreaShadowWar.Description;

namespace NorthKoreaShadowWar.Tracing;

/// <summary>One sample path: the trial it is, what happened step by step, and how it ended.</summary>
internal sealed record TracedPath(
    long Trial,
    IReadOnlyList<int> InitialStates,
    IReadOnlyList<TraceEvent> Events,
    IReadOnlyList<int> FinalStates,
    IReadOnlyList<double> FinalVariables,
    int LastStep) : INarratedPath
{
    IReadOnlyList<INarratedEvent> INarratedPath.Events => Events;
}
