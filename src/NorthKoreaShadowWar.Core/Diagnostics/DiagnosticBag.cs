namespace NorthKoreaShadowWar.Diagnostics;

/// <summary>Collects every problem of a scenario in one pass, so the user sees them all at once.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> items = [];

    /// <summary>The problems so far, in the order they were found.</summary>
    public IReadOnlyList<Diagnostic> Items => items;

    /// <summary>True when at least one problem is an error.</summary>
    public bool HasErrors => items.Exists(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Records an error at <paramref name="position"/>.</summary>
    public void Error(SourcePosition position, string message) =>
        items.Add(new Diagnostic(DiagnosticSeverity.Error, position, message));

    /// <summary>Records a warning at <paramref name="position"/>.</summary>
    public void Warning(SourcePosition position, string message) =>
        items.Add(new Diagnostic(DiagnosticSeverity.Warning, position, message));

    /// <summary>The problems sorted by file, line and column, errors and warnings interleaved as they stand in the file.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        items.Distinct()
             .OrderBy(d => d.Position.File, StringComparer.Ordinal)
             .ThenBy(d => d.Position.Line)
             .ThenBy(d => d.Position.Column)
             .ToList();
}
