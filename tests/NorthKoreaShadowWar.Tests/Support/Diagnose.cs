using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Tests.Support;

/// <summary>Validates scenario text and finds diagnostics by the place they point at.</summary>
internal static class Diagnose
{
    public static IReadOnlyList<Diagnostic> Text(string yaml) => ScenarioPipeline.ValidateText(yaml, "test.yaml");

    /// <summary>The 1-based line and column of the <paramref name="occurrence"/>-th appearance of <paramref name="token"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Column) At(string text, string token, int occurrence = 1)
    {
        var index = -1;
        for (var i = 0; i < occurrence; i++)
        {
            index = text.IndexOf(token, index + 1, StringComparison.Ordinal);
            if (index < 0) throw new ArgumentException($"'{token}' does not occur {occurrence} time(s)");
        }
        var line = text[..index].Count(c => c == '\n') + 1;
        var column = index - (text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1) + 1;
        if (text.LastIndexOf('\n', Math.Max(0, index - 1)) < 0) column = index + 1;
        return (line, column);
    }

    public static IEnumerable<Diagnostic> Errors(this IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    public static IEnumerable<Diagnostic> Warnings(this IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning);

    /// <summary>The single error at the place of <paramref name="token"/>; fails the test when there is none.</summary>
    public static Diagnostic ErrorAt(this IReadOnlyList<Diagnostic> diagnostics, string yaml, string token, int occurrence = 1)
    {
        var (line, column) = At(yaml, token, occurrence);
        var found = diagnostics.Errors().Where(d => d.Position.Line == line && d.Position.Column == column).ToList();
        Assert.That(found, Has.Count.EqualTo(1), $"expected one error at {line}:{column} ('{token}'); got:\n{string.Join("\n", diagnostics)}");
        return found[0];
    }

    public static Diagnostic WarningAt(this IReadOnlyList<Diagnostic> diagnostics, string yaml, string token, int occurrence = 1)
    {
        var (line, column) = At(yaml, token, occurrence);
        var found = diagnostics.Warnings().Where(d => d.Position.Line == line && d.Position.Column == column).ToList();
        Assert.That(found, Has.Count.EqualTo(1), $"expected one warning at {line}:{column} ('{token}'); got:\n{string.Join("\n", diagnostics)}");
        return found[0];
    }
}
