using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Scenarios.Loading;

namespace NorthKoreaShadowWar.Cli.Explorer;

/// <summary>
/// One of the engine's messages (<c>FILE:LINE:COL: error: ...</c>) for the page, with the parameter whose override it
/// is about (so the page shows it next to that field), or null when it is about the scenario itself.
/// </summary>
internal sealed record FieldDiagnostic(string Message, string? Parameter, string Severity)
{
    /// <summary>The diagnostic as the page shows it; an override's messages name the parameter they come from.</summary>
    public static FieldDiagnostic From(Diagnostic diagnostic)
    {
        var file = diagnostic.Position.File;
        var prefix = ScenarioOverrides.CommandLineFile + " ";
        string? parameter = null;
        if (file.StartsWith(prefix, StringComparison.Ordinal))
        {
            var assignment = file[prefix.Length..];
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            parameter = equals > 0 ? assignment[..equals].Trim() : null;
        }
        return new(diagnostic.ToString(), parameter, diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning");
    }
}
