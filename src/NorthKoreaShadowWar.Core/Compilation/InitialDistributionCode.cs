namespace NorthKoreaShadowWar.Compilation;

/// <summary>
/// A machine whose initial state is drawn (docs/scenario-format.md, "Uncertain starting points"): its states in the
/// order written and the value sources of their probabilities (trial constants: they read only parameters).
/// </summary>
internal sealed record InitialDistributionCode(int Machine, int[] States, int[] ProbabilitySources);
