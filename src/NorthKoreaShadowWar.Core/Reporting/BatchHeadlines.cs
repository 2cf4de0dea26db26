using NorthKoreaShadowWar.Batches;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>
/// The findings that open a batch's report (all variants, or a sweep): the quantities that move most across its runs,
/// each from its lowest run to its highest, with their intervals.
/// </summary>
internal static class BatchHeadlines
{
    /// <summary>The headline quantities of <paramref name="result"/> that vary most across its runs (shares first, then means).</summary>
    public static IReadOnlyList<string> Of(BatchResult result)
    {
        var findings = new List<(bool Share, double Spread, string Text)>();
        foreach (var q in BatchReport.Headline(result.Rows[0]))
        {
            var rows = result.Rows.Select(r => r[q]).ToList();
            var low = Enumerable.Range(0, rows.Count).MinBy(i => rows[i].Estimate);
            var high = Enumerable.Range(0, rows.Count).MaxBy(i => rows[i].Estimate);
            var share = rows[0].IsShare;
            var spread = share ? rows[high].Estimate - rows[low].Estimate
                : (rows[high].Estimate - rows[low].Estimate) / Math.Max(Math.Abs(rows[high].Estimate), 1e-9);
            if (!(spread > 0)) continue;
            string Show(BatchRow row) => share ? Headlines.Share(row.Estimate, row.Ci95) : Headlines.Amount(row.Estimate, row.Ci95);
            findings.Add((share, spread, $"{rows[0].Label} ranges from {Show(rows[low])} at {Run(result, low)} to {Show(rows[high])} at {Run(result, high)}."));
        }
        return findings.OrderByDescending(f => f.Share).ThenByDescending(f => f.Spread).Select(f => f.Text).Take(Headlines.Most).ToList();
    }

    /// <summary>A run as a reader knows it: a variant's label, or a sweep's point with its parameters' values.</summary>
    private static string Run(BatchResult result, int index)
    {
        var run = result.Batch.Runs[index];
        if (!result.Batch.IsSweep) return run.Label;
        var values = result.Batch.SweptParameters.Zip(run.ParameterValues, (name, value) => $"{name} = {SweepParameter.Format(value)}");
        return $"point {run.Label} ({string.Join(", ", values)})";
    }
}
