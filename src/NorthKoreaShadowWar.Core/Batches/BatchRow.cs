using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Batches;

/// <summary>
/// One estimated quantity of one run, as a row of <c>batch.csv</c> and <c>sweep.csv</c>: a probability, a final
/// state's share, a distribution's mean (with its quantiles), or the chance that a first step happens at all.
/// </summary>
/// <param name="Outcome">The outcome's name.</param>
/// <param name="Kind"><c>probability</c>, <c>distribution</c> or <c>categorical</c>, as in summary.json.</param>
/// <param name="Statistic"><see cref="Probability"/>, <see cref="Mean"/> or <see cref="Happens"/>.</param>
/// <param name="Category">The state, for a categorical outcome; empty otherwise.</param>
/// <param name="Estimate">The estimate: a share (0.31, not 31%) or a mean.</param>
/// <param name="Ci95">Its 95% interval.</param>
/// <param name="Quantiles">For a mean, the distribution's p05..p95; empty otherwise.</param>
internal sealed record BatchRow(
    string Outcome, string Kind, string Statistic, string Category, double Estimate, (double Lower, double Upper) Ci95,
    IReadOnlyList<(string Label, double Value)> Quantiles)
{
    /// <summary>The statistic of a <c>reached</c> outcome and of each state of a <c>final</c> outcome.</summary>
    public const string Probability = "probability";
    /// <summary>The statistic of a distribution: its mean (for a first step, over the trials where it happened).</summary>
    public const string Mean = "mean";
    /// <summary>The statistic of a first step: the chance that it happens within the horizon.</summary>
    public const string Happens = "happens";

    /// <summary>A short name for the quantity: <c>outcome</c>, <c>outcome: mean</c>, <c>outcome: happens</c> or <c>outcome = State</c>.</summary>
    public string Label => Kind == "categorical" ? $"{Outcome} = {Category}" : Statistic == Probability ? Outcome : $"{Outcome}: {Statistic}";

    /// <summary>True for a share of trials (a probability or the chance of happening), drawn in percent.</summary>
    public bool IsShare => Statistic != Mean;

    /// <summary>
    /// The rows of <paramref name="result"/>, in outcome order: one per probability, per state of a final outcome, per
    /// distribution (its mean), and for a first step first the chance it happens, then its mean.
    /// </summary>
    public static IReadOnlyList<BatchRow> Of(RunResult result)
    {
        var rows = new List<BatchRow>();
        foreach (var outcome in result.Outcomes)
        {
            switch (outcome)
            {
                case ProbabilityResult p:
                    rows.Add(new(p.Name, p.Kind, Probability, "", p.Estimate, p.Ci95, []));
                    break;
                case CategoricalResult c:
                    rows.AddRange(c.Categories.Select(x => new BatchRow(c.Name, c.Kind, Probability, x.Category, x.Probability, x.Ci95, [])));
                    break;
                case DistributionResult d:
                    if (d.Never is not null)
                        rows.Add(new(d.Name, d.Kind, Happens, "", d.Trials == 0 ? double.NaN : (double)d.Count / d.Trials,
                            ConfidenceIntervals.Wilson(d.Count, d.Trials), []));
                    rows.Add(new(d.Name, d.Kind, Mean, "", d.Mean, d.Ci95, d.Quantiles));
                    break;
            }
        }
        return rows;
    }
}
