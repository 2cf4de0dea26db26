using NorthKoreaShadowWar.Comparison;

namespace NorthKoreaShadowWar.Sensitivity;

/// <summary>
/// The Sobol indices of one input (a parameter, or <c>chance</c>) for one outcome, each with a 95% bootstrap
/// percentile interval. Indices are shares of the variance of the outcome's per-trial number.
/// </summary>
/// <param name="Input">The parameter's name, or <see cref="SensitivityRunner.Chance"/>.</param>
/// <param name="FirstOrder">S_i: the share of the variance the input explains on its own.</param>
/// <param name="Total">S_Ti: the share it explains on its own and together with any other input (with chance included).</param>
/// <param name="ShareOfExpectedVariance">
/// For a parameter, V_i / (V·(1 − S_T,chance)): its share of the variance of the outcome's expected value over the
/// parameters (the part of the variance that chance does not make); null for chance.
/// </param>
/// <param name="TotalShareOfExpectedVariance">
/// For a parameter, the total index of the outcome's expected value: the share of its variance the parameter explains
/// alone or with other parameters. Unlike <paramref name="Total"/> it does not count how the parameter reshuffles the
/// trial's random numbers, so it is the measure to rank parameters by; null for chance.
/// </param>
internal sealed record SobolIndex(string Input, Estimate FirstOrder, Estimate Total, Estimate? ShareOfExpectedVariance, Estimate? TotalShareOfExpectedVariance);
