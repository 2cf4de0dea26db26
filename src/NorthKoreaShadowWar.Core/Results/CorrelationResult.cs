namespace NorthKoreaShadowWar.Results;

/// <summary>
/// How well a run realised one correlation of the scenario: the target rank correlation and the Spearman rank
/// correlation of the two parameters' draws over the run's first trials (at most
/// <see cref="AchievedCorrelations.MaximumTrials"/>).
/// </summary>
/// <param name="First">The first parameter named in <c>between</c>.</param>
/// <param name="Second">The second parameter.</param>
/// <param name="Target">The rank correlation asked for.</param>
/// <param name="Achieved">The Spearman rank correlation of the draws.</param>
/// <param name="Ci95">A 95% interval for the rank correlation the sampler realises, from Fisher's z with standard error √(1.06 / (n − 3)).</param>
/// <param name="Trials">The number of trials whose draws were measured.</param>
internal sealed record CorrelationResult(string First, string Second, double Target, double Achieved, (double Lower, double Upper) Ci95, long Trials)
{
    /// <summary>Why the two move together, as written in the scenario.</summary>
    public string? Description { get; init; }

    /// <summary>The two parameters' values in the first trials (a few thousand), for a scatter plot.</summary>
    public IReadOnlyList<(double First, double Second)> Points { get; init; } = [];
}
