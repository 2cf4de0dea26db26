using System.Diagnostics;
using System.Net;
using NorthKoreaShadowWar.Diagrams;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>
/// The state diagrams of a report as HTML: SVG drawn by Graphviz's <c>dot</c> when it is installed, and
/// otherwise the DOT text itself (which any Graphviz viewer draws), so the report never needs a network.
/// </summary>
public static class DiagramRenderer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>One HTML fragment per machine, in file order.</summary>
    public static IReadOnlyList<(string Machine, string Html)> Render(ResolvedScenario scenario) =>
        StateDiagrams.Dot(scenario).Select(d => (d.Name, ToSvg(ForPage(d.Text)) ?? $"<pre>{WebUtility.HtmlEncode(d.Text)}</pre>")).ToList();

    /// <summary>
    /// Lays a diagram out for a page rather than a wide screen: top to bottom, in the report's font, with each
    /// multiplier of an edge label on a line of its own.
    /// </summary>
    internal static string ForPage(string dot) =>
        dot.Replace("rankdir=\"LR\"", "rankdir=\"TB\"", StringComparison.Ordinal)
           .Replace("digraph {", "digraph {\ngraph [fontname=\"DejaVu Sans\", fontsize=12, nodesep=0.6, ranksep=0.5];\nnode [fontname=\"DejaVu Sans\", fontsize=12];\nedge [fontname=\"DejaVu Sans\", fontsize=10];", StringComparison.Ordinal)
           .Replace(", ×", ",\\n×", StringComparison.Ordinal);

    /// <summary>The SVG of a DOT graph, or null when Graphviz is not available or fails.</summary>
    public static string? ToSvg(string dot)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("dot", "-Tsvg")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(dot);
            process.StandardInput.Close();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill();
                return null;
            }
            var svg = output.GetAwaiter().GetResult();
            _ = errors.GetAwaiter().GetResult();
            if (process.ExitCode != 0) return null;
            var start = svg.IndexOf("<svg", StringComparison.Ordinal);
            return start < 0 ? null : $"<div class=\"diagram\">{svg[start..]}</div>";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
