namespace NorthKoreaShadowWar.Exact;

/// <summary>
/// What exact propagation yields for one setting of the parameters: for each first-step condition the
/// probability of each first step 0..horizon and of "never" (last entry); for each steps-in condition the
/// probability of each count 0..horizon; and each machine's state distribution after each step.
/// </summary>
internal sealed record ExactDistributions(double[][] FirstSteps, double[][] StepsIn, double[][][] Occupancy);
