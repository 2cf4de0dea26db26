namespace NorthKoreaShadowWar.Sensitivity;

/// <summary>
/// What the evaluations of a design gave: <c>Values[q][e]</c> is quantity q in evaluation e; and what they cost
/// (machine-steps simulated, wall time of the trial loop).
/// </summary>
internal sealed record Evaluations(double[][] Values, long MachineSteps, TimeSpan SimulateTime);
