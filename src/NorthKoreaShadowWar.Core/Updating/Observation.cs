using System.Globalization;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Expressions;
using NorthKoreaShadowWar.Scenarios;

namespace NorthKoreaShadowWar.Updating;

/// <summary>
/// One observation of an evidence file (see docs/updating.md), bound to the scenario's names: what was seen, when,
/// and how to turn a trial's state into the likelihood of seeing it.
/// </summary>
internal abstract record Observation
{
    /// <summary>Where the observation was reported (the file's <c>source:</c>).</summary>
    public required string Source { get; init; }

    /// <summary>Where the observation stands in the evidence file.</summary>
    public required SourcePosition Position { get; init; }

    /// <summary>The step after which the likelihood is known (the last step it looks at).</summary>
    public abstract int Step { get; }

    /// <summary>A short description, e.g. <c>holds at step 7: deployment == Combat</c>.</summary>
    public abstract string Describe();
}

/// <summary>
/// A condition seen to hold (or not to hold) at step <see cref="ConditionObservation.To"/>, or first holding between two steps, or not yet
/// held by a step. With a <see cref="Reliability"/> r the likelihood is r when the statement is true of the trial
/// and 1 − r when it is not; without one it is 1 or 0.
/// </summary>
internal sealed record ConditionObservation : Observation
{
    /// <summary>What kind of statement about the condition this is.</summary>
    public required ConditionClaim Claim { get; init; }

    /// <summary>The condition as written.</summary>
    public required ExpressionText Condition { get; init; }

    internal BoundExpression Bound { get; init; } = null!;

    /// <summary>The step of a <c>holds</c>/<c>does_not_hold</c>; the first step of a <c>first_held</c> range.</summary>
    public required int From { get; init; }

    /// <summary>The step of a <c>holds</c>/<c>does_not_hold</c>; the last step of a <c>first_held</c> range, or the <c>by</c> step.</summary>
    public required int To { get; init; }

    /// <summary>The probability that the report is right, or null for a certain observation.</summary>
    public double? Reliability { get; init; }

    /// <inheritdoc />
    public override int Step => To;

    /// <inheritdoc />
    public override string Describe() => Claim switch
    {
        ConditionClaim.Holds => string.Create(CultureInfo.InvariantCulture, $"'{Condition.Text}' holds at step {To}"),
        ConditionClaim.DoesNotHold => string.Create(CultureInfo.InvariantCulture, $"'{Condition.Text}' does not hold at step {To}"),
        ConditionClaim.FirstHeld => string.Create(CultureInfo.InvariantCulture, $"'{Condition.Text}' first held between steps {From} and {To}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"'{Condition.Text}' had not held by step {To}"),
    } + (Reliability is { } r ? string.Create(CultureInfo.InvariantCulture, $" (reliability {r:0.##})") : "");

    /// <summary>
    /// For <c>first_held</c> and <c>not_held_by</c>: whether step <paramref name="step"/> can still be the first at
    /// which the condition held, given the first found so far (<paramref name="firstHeld"/>, −1 for none): the
    /// condition is looked for at every step from 0 to <see cref="To"/> until it first holds.
    /// </summary>
    internal bool Watching(int firstHeld, int step) => firstHeld < 0 && step <= To;

    /// <summary>The likelihood given whether the statement is true of the trial.</summary>
    internal double Likelihood(bool statementTrue) =>
        Reliability is { } r ? statementTrue ? r : 1 - r : statementTrue ? 1 : 0;
}

/// <summary>The four statements a <see cref="ConditionObservation"/> can make.</summary>
internal enum ConditionClaim
{
    /// <summary><c>holds: COND, at: N</c></summary>
    Holds,
    /// <summary><c>does_not_hold: COND, at: N</c></summary>
    DoesNotHold,
    /// <summary><c>first_held: COND, between: [a, b]</c></summary>
    FirstHeld,
    /// <summary><c>not_held_by: COND, by: N</c></summary>
    NotHeldBy,
}

/// <summary>
/// A number (a variable, or any numeric expression) measured at step <see cref="At"/> with an error: the likelihood of
/// a trial whose value is x is the density of <see cref="Error"/> at x (for a lognormal, the normal density of log x,
/// so that the error is multiplicative and the same on either side in ratio).
/// </summary>
internal sealed record MeasurementObservation : Observation
{
    /// <summary>What was measured, as written.</summary>
    public required ExpressionText Quantity { get; init; }

    internal BoundExpression Bound { get; init; } = null!;

    /// <summary>The step after which it was measured.</summary>
    public required int At { get; init; }

    /// <summary>Where the true value plausibly lies, given the report.</summary>
    public required ParameterDistribution Error { get; init; }

    /// <inheritdoc />
    public override int Step => At;

    /// <inheritdoc />
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"'{Quantity.Text}' measured at step {At}: {Error.Describe()}");

    /// <summary>The likelihood of the measurement when the true value is <paramref name="value"/>.</summary>
    internal double Likelihood(double value) => MeasurementDensity.Of(Error, value);
}

/// <summary>
/// A partly reliable report of a machine's state at step <see cref="At"/>: the probability of the report given each
/// state the machine may really be in.
/// </summary>
internal sealed record ReportObservation : Observation
{
    /// <summary>The machine reported on.</summary>
    public required string Machine { get; init; }

    internal int MachineIndex { get; init; }

    /// <summary>The step of the report.</summary>
    public required int At { get; init; }

    /// <summary>The likelihood of the report for each state of the machine, by state index.</summary>
    public required IReadOnlyList<double> LikelihoodByState { get; init; }

    /// <inheritdoc />
    public override int Step => At;

    /// <inheritdoc />
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"report on '{Machine}' at step {At}");
}
