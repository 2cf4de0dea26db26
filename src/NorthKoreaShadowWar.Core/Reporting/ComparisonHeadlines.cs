using System.Globalization;
using NorthKoreaShadowWar.Comparison;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>The findings that open a comparison's report: the largest differences between the two runs, with their intervals.</summary>
internal static class ComparisonHeadlines
{
    /// <summary>The findings of <paramref name="comparison"/>: its largest differences in probability, the significant ones first.</summary>
    public static IReadOnlyList<string> Of(ComparisonResult comparison)
    {
        var shares = comparison.Rows.Where(r => r.Quantity.Statistic is "probability" or "happens" && double.IsFinite(r.Difference)).ToList();
        var findings = new List<string>();
        var significant = shares.Where(r => r.SignificantAfterHolm).OrderByDescending(r => Math.Abs(r.Difference)).ToList();
        foreach (var row in significant.Take(3))
            findings.Add(Sentence(comparison, row));
        if (significant.Count == 0 && shares.MaxBy(r => Math.Abs(r.Difference)) is { } largest)
            findings.Add($"No probability differs significantly between {comparison.LabelB} and {comparison.LabelA} after Holm's correction; "
                + "the largest difference is " + Sentence(comparison, largest));
        else if (significant.Count > 0)
            findings.Add(string.Create(CultureInfo.InvariantCulture, $"{significant.Count} of {shares.Count} probabilities differ significantly after Holm's correction."));
        return findings.Take(Headlines.Most).ToList();
    }

    private static string Sentence(ComparisonResult comparison, ComparisonRow row) =>
        $"{row.Quantity.Label}: {HtmlReport.Percent(row.B.Value)} in {comparison.LabelB} against {HtmlReport.Percent(row.A.Value)} in {comparison.LabelA}, "
        + $"{Headlines.PointsChange(row.Difference)} (95% interval {Headlines.PointsChange(row.DifferenceCi95.Lower)} to {Headlines.PointsChange(row.DifferenceCi95.Upper)}).";
}
