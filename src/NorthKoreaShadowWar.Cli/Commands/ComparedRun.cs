namespace NorthKoreaShadowWar.Cli.Commands;

/// <summary>One side of a comparison: a scenario file with an optional variant and overrides, or a results folder.</summary>
internal sealed record ComparedRun(string? File, string? Variant, IReadOnlyList<string> Overrides, string? Folder)
{
    /// <summary>How the side is named in tables and plots: <c>baseline:tech_transfer</c>, <c>baseline (sk_shift=0.1)</c>, or the folder.</summary>
    public string Label => Folder is not null ? Folder.TrimEnd('/', '\\')
        : Path.GetFileNameWithoutExtension(File!) + (Variant is null ? "" : ":" + Variant) + (Overrides.Count == 0 ? "" : $" ({string.Join(", ", Overrides)})");

    /// <summary>The label as a folder name (for a results folder, its own name without the path to it).</summary>
    public string FolderName => string.Concat((Folder is not null ? Path.GetFileName(Label) : Label)
        .Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '=' ? c : '_')).Trim('_');

    /// <summary>
    /// A results folder (a folder holding summary.json), a scenario file, or <c>FILE:VARIANT</c>; null if
    /// <paramref name="text"/> is none of them. Overrides apply to scenarios only.
    /// </summary>
    public static ComparedRun? Parse(string text, IReadOnlyList<string> overrides, string side)
    {
        if (Directory.Exists(text))
            return System.IO.File.Exists(Path.Combine(text, "summary.json")) && overrides.Count == 0 ? new ComparedRun(null, null, [], text) : null;
        if (System.IO.File.Exists(text)) return new ComparedRun(text, null, overrides, null);
        var colon = text.LastIndexOf(':');
        if (colon > 0 && System.IO.File.Exists(text[..colon]) && colon < text.Length - 1)
            return new ComparedRun(text[..colon], text[(colon + 1)..], overrides, null);
        return null;
    }

    /// <summary>Why <paramref name="text"/> could not be used as side <paramref name="side"/>.</summary>
    public static string WhatIsExpected(string text, string side) =>
        Directory.Exists(text) && !System.IO.File.Exists(Path.Combine(text, "summary.json"))
            ? $"{side}: {text} is a folder without summary.json; give a results folder written by 'shadowwar run', a scenario FILE or FILE:VARIANT"
            : Directory.Exists(text)
                ? $"{side}: --set-{side.ToLowerInvariant()} applies to scenarios, not to the results folder {text}"
                : $"{side}: no scenario file or results folder '{text}'; give a scenario FILE, FILE:VARIANT (e.g. scenarios/baseline.yaml:tech_transfer) or a results folder";
}
