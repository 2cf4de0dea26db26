using System.Globalization;
using System.Text;
using static NorthKoreaShadowWar.Reporting.HtmlReport;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>
/// The section every report opens with: three to five findings, each one plain sentence with its interval, computed
/// from the report's own numbers (see "Reports" in the README); the detail follows it.
/// </summary>
internal static class Headlines
{
    /// <summary>The most findings a report opens with.</summary>
    public const int Most = 5;

    /// <summary>The section's HTML: a heading and the findings as a list; empty when there are none.</summary>
    public static string Render(IReadOnlyList<string> findings)
    {
        if (findings.Count == 0) return "";
        var html = new StringBuilder("<section id=\"headlines\">\n<h2>In short</h2>\n<ul>\n");
        foreach (var finding in findings.Take(Most)) html.Append(CultureInfo.InvariantCulture, $"<li>{E(finding)}</li>\n");
        html.Append("</ul>\n</section>\n");
        return html.ToString();
    }

    /// <summary>A share with its interval: "34.2% (95% interval 33.1–35.3%)".</summary>
    internal static string Share(double value, (double Lower, double Upper) ci) =>
        $"{Percent(value)} (95% interval {Percent(ci.Lower)} – {Percent(ci.Upper)})";

    /// <summary>A number with its interval: "6,020 (95% interval 5,900 – 6,140)".</summary>
    internal static string Amount(double value, (double Lower, double Upper) ci) =>
        $"{Number(value)} (95% interval {Number(ci.Lower)} – {Number(ci.Upper)})";

    /// <summary>A change in percentage points: "+3.1 points".</summary>
    internal static string PointsChange(double value) =>
        (100 * value).ToString("+0.0;−0.0;0.0", System.Globalization.CultureInfo.InvariantCulture) + " points";
}
