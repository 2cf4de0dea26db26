using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar;

/// <summary>
/// The YAML text a <see cref="ScenarioBuilder"/> writes, one element a line, each line remembering the builder call that
/// wrote it, so that a problem the loader or the checks find on a line is reported at that call.
/// </summary>
internal sealed class BuiltYaml(string name)
{
    private readonly List<(string Text, CallSite Site)> lines = [];

    /// <summary>The name the text goes by in the loader's messages.</summary>
    public string Name { get; } = name;

    public void Line(int indent, string text, CallSite site) => lines.Add((new string(' ', 2 * indent) + text, site));

    public string Text => string.Concat(lines.Select(l => l.Text + "\n"));

    /// <summary>
    /// <paramref name="diagnostic"/> placed at the builder call that wrote its line (column 1), when it is about this
    /// text and the call is known; otherwise unchanged.
    /// </summary>
    public Diagnostic Locate(Diagnostic diagnostic)
    {
        var position = diagnostic.Position;
        if (position.File != Name || lines.Count == 0) return diagnostic;
        var site = lines[Math.Clamp(position.Line, 1, lines.Count) - 1].Site;
        return site.Known ? diagnostic with { Position = new SourcePosition(site.File, site.Line, 1) } : diagnostic;
    }
}
