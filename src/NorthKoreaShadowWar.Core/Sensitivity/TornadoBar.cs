using NorthKoreaShadowWar.Comparison;

namespace NorthKoreaShadowWar.Sensitivity;

/// <summary>
/// One parameter's bar of a tornado: the outcome with the parameter at its 10th and at its 90th percentile (every
/// other random parameter at its median), each with a 95% interval, and the swing high − low with a paired interval.
/// </summary>
/// <param name="Parameter">The parameter's name.</param>
/// <param name="LowSetting">The parameter's 10th percentile.</param>
/// <param name="HighSetting">Its 90th percentile.</param>
/// <param name="Low">The outcome's mean (its probability, for a probability) with the parameter low.</param>
/// <param name="High">The outcome's mean with the parameter high.</param>
/// <param name="Swing">High − low, from the per-trial differences (common random numbers).</param>
internal sealed record TornadoBar(string Parameter, double LowSetting, double HighSetting, Estimate Low, Estimate High, Estimate Swing);
