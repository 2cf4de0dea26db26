using NorthKoreaShadowWar.Expressions;

namespace NorthKoreaShadowWar.Scenarios;

/// <summary>
/// One entry of a machine's initial distribution, <c>initial: { Confirmed: 0.7, Combat: "1 - p0" }</c>: a state and
/// the probability that a trial starts in it (a number or an expression over parameters).
/// </summary>
internal sealed record InitialShare(Located<string> State, ExpressionText Probability);
