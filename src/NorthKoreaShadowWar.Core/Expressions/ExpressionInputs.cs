namespace NorthKoreaShadowWar.Expressions;

/// <summary>
/// What an expression may read at one moment of a trial: the trial's parameter values, the variables and the
/// machine states. Which moment (the start of a step, or after it) is the caller's choice, and is the whole of
/// the synchronous-update rule.
/// </summary>
internal readonly record struct ExpressionInputs(double[] Parameters, double[] Variables, int[] States);
