using NorthKoreaShadowWar.Sensitivity;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>The findings that open a sensitivity report: for each outcome, the assumption that moves it most and by how much.</summary>
internal static class SensitivityHeadlines
{
    /// <summary>One finding per outcome (at most <see cref="Headlines.Most"/>), the outcomes with the widest swing first.</summary>
    public static IReadOnlyList<string> Of(SensitivityResult result) =>
        result.Outcomes.OrderByDescending(o => o.TornadoBySwing.Select(b => Math.Abs(b.Swing.Value)).FirstOrDefault())
            .Select(Finding).OfType<string>().Take(Headlines.Most).ToList();

    private static string? Finding(OutcomeSensitivity outcome)
    {
        var share = SensitivityOutcomes.IsShare(outcome.Quantity);
        var swing = outcome.TornadoBySwing.FirstOrDefault() is { } bar
            ? $"{bar.Parameter} moves it most: from {Show(bar.Low.Value, share)} to {Show(bar.High.Value, share)} between its 10th and 90th "
              + $"percentiles (swing {Change(bar.Swing.Value, share)}, 95% interval {Change(bar.Swing.Ci95.Lower, share)} to {Change(bar.Swing.Ci95.Upper, share)})."
            : null;
        var answer = SensitivityReport.Answer(outcome);
        return (swing, answer) switch
        {
            (null, null) => null,
            (null, { } a) => a + ".",
            ({ } s, null) => $"{outcome.Label}: {s}",
            ({ } s, { } a) => $"{outcome.Label}: {s} {a}.",
        };
    }

    private static string Show(double value, bool share) => share ? HtmlReport.Percent(value) : HtmlReport.Number(value);

    private static string Change(double value, bool share) => share ? Headlines.PointsChange(value) : HtmlReport.Number(value);
}
