namespace NorthKoreaShadowWar.Reference;

/// <summary>
/// A <c>first_step</c>, <c>value</c> or <c>steps_in</c> outcome: the count, mean and sample standard deviation of
/// its values. For <c>first_step</c> the values are those of the trials where the condition held at some step,
/// and <see cref="Never"/> is the share of trials where it never did.
/// </summary>
/// <param name="Name">The outcome's name.</param>
/// <param name="Count">How many values the mean and standard deviation are over.</param>
/// <param name="Mean">Their mean (NaN when there are none).</param>
/// <param name="StandardDeviation">Their sample standard deviation (0 for fewer than two).</param>
/// <param name="Never">For <c>first_step</c>: the share of trials where the condition never held; null otherwise.</param>
internal sealed record ReferenceDistribution(string Name, long Count, double Mean, double StandardDeviation, double? Never) : ReferenceOutcome(Name);
