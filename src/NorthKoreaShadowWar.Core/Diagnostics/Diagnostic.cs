namespace NorthKoreaShadowWar.Diagnostics;

/// <summary>One problem found in a scenario, with the place it was found and what to do about it.</summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, SourcePosition Position, string Message)
{
    /// <summary>The compiler-style line <c>FILE:LINE:COL: error: message</c>.</summary>
    public override string ToString() =>
        $"{Position}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")}: {Message}";
}
