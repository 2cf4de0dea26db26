using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar.Exact;

/// <summary>
/// A conditional-exact run: the results, and for each probability outcome the variance reduction against plain
/// Monte Carlo at the same number of trials (how many times more trials plain Monte Carlo would need for the
/// same interval).
/// </summary>
internal sealed record ConditionalExactResult(RunResult Result, IReadOnlyList<(string Outcome, double VarianceReduction)> VarianceReductions);
