using System.Diagnostics;
using System.Net;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Description;

/// <summary>
/// The state diagrams of a report as HTML: SVG drawn by Graphviz's <c>dot</c> when it is installed, and
/// otherwise the DOT text itself (which any Graphviz viewer draws), so the report never needs a network.
/// </summary>
internal static class DiagramRenderer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>One HTML fragment per machine, in file order.</summary>
    public static IReadOnlyList<(string Machine, string Html)> Render(ResolvedScenario scenario) =>
        StateDiagrams.Dot(scenario).Select(d => (d.Name, ToSvg(ForPage(d.Text)) ?? $"<pre>{WebUtility.HtmlEncode(d.Text)}</pre>")).ToList();

    /// <summary>Each machine's diagram drawn by Graphviz as SVG (for a page), or null for each when Graphviz is not installed.</summary>
    public static IReadOnlyList<string?> Svg(ResolvedScenario scenario) =>
        Render(scenario).Select(d => d.Html.StartsWith("<div class=\"diagram\">", StringComparison.Ordinal) ? d.Html : null).ToList();

    /// <summary>
    /// Lays a diagram out for a page rather than a wide screen: top to bottom, in the report's font, with each
    /// multiplier of an edge label on a line of its own.
    /// </summary>
    internal static string ForPage(string dot) =>
        dot.Replace("rankdir=\"LR\"", "rankdir=\"TB\"", StringComparison.Ordinal)
           .Replace("digraph {", "digraph {\ngraph [fontname=\"DejaVu Sans\", fontsize=12, nodesep=0.6, ranksep=0.5];\nnode [fontname=\"DejaVu Sans\", fontsize=12];\nedge [fontname=\"DejaVu Sans\", fontsize=10];", StringComparison.Ordinal)
           .Replace(", ×", ",\\n×", StringComparison.Ordinal);

    /// <summary>
    /// The SVG of a DOT graph, or null when Graphviz is not available or fails in any way: it cannot be started, stops
    /// reading its input (it refuses a graph it cannot parse, such as one with a name of more than about 16,000
    /// characters, before reading it all), exits with an error, takes longer than 20 seconds, or writes something that
    /// is not an SVG. The report then shows the DOT text, as when Graphviz is not installed: a diagram never stops a
    /// results folder from being written.
    /// </summary>
    public static string? ToSvg(string dot) => ToSvg(dot, "dot", Timeout);

    /// <summary><see cref="ToSvg(string)"/> through renderer <paramref name="program"/> (given <c>-Tsvg</c>), allowed <paramref name="timeout"/>.</summary>
    internal static string? ToSvg(string dot, string program, TimeSpan timeout)
    {
        Process? process = null;
        try
        {
            process = Process.Start(new ProcessStartInfo(program, "-Tsvg")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            // Written on its own task, so that a renderer that neither reads nor exits is caught by the timeout too.
            var input = WriteAndClose(process.StandardInput, dot);
            if (!Task.WaitAll([input, output, errors], timeout) || !process.WaitForExit(timeout)) return null;
            return process.ExitCode == 0 ? AsDiagram(output.Result) : null;
        }
        catch (Exception)
        {
            // Whatever went wrong (no renderer, a broken pipe, a task that failed), the DOT text stands in.
            return null;
        }
        finally
        {
            if (process is not null) Stop(process);
        }
    }

    private static async Task WriteAndClose(StreamWriter input, string text)
    {
        await input.WriteAsync(text).ConfigureAwait(false);
        input.Close();
    }

    /// <summary>The SVG in a renderer's output, wrapped for the page; null when the output is not one SVG document.</summary>
    private static string? AsDiagram(string output)
    {
        var start = output.IndexOf("<svg", StringComparison.Ordinal);
        var svg = start < 0 ? "" : output[start..].TrimEnd();
        return svg.EndsWith("</svg>", StringComparison.Ordinal) ? $"<div class=\"diagram\">{svg}</div>" : null;
    }

    /// <summary>Ends a renderer that is still running (after a timeout or a failure) and releases it.</summary>
    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (Exception)
        {
            // It ended on its own meanwhile, or cannot be ended: nothing more to do.
        }
        process.Dispose();
    }
}
