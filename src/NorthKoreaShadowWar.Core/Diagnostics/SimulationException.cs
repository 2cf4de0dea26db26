namespace NorthKoreaShadowWar.Diagnostics;

/// <summary>
/// A scenario that passed validation did something impossible while running, such as outgoing
/// probabilities adding up to more than 1 for one draw of the parameters. The message names the
/// machine, the state, the trial and the step.
/// </summary>
public sealed class SimulationException(string message) : Exception(message);
