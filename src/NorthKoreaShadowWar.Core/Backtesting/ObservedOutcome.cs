using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Backtesting;

/// <summary>
/// What happened to one outcome, as a planner recorded it: whether a probability outcome's event happened, the state a
/// categorical outcome ended in, or the value of a distribution outcome (or that a first step never came).
/// Exactly one of <see cref="Happened"/>, <see cref="State"/>, <see cref="Value"/> and <see cref="Never"/> is set.
/// </summary>
/// <param name="Name">The outcome's name, as in the results.</param>
/// <param name="Position">Where the value was recorded in the observed file.</param>
internal sealed record ObservedOutcome(string Name, SourcePosition Position)
{
    /// <summary>For a probability outcome: true when the event happened.</summary>
    public bool? Happened { get; init; }

    /// <summary>For a categorical outcome: the state observed.</summary>
    public string? State { get; init; }

    /// <summary>For a distribution outcome: the value observed (for a first step, the step at which it happened).</summary>
    public double? Value { get; init; }

    /// <summary>For a first-step outcome: it has not happened (recorded as <c>never</c>).</summary>
    public bool Never { get; init; }

    /// <summary>The observation as written in scores.csv: <c>true</c>/<c>false</c>, the state, the number, or <c>never</c>.</summary>
    public string Text => Happened is { } happened ? (happened ? "true" : "false")
        : State ?? (Never ? "never" : Value!.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
}
