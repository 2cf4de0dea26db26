using System.Globalization;
using System.Text.RegularExpressions;

namespace NorthKoreaShadowWar.Scenarios;

/// <summary>
/// The two kinds of name a scenario gives (docs/scenario-format.md, "Top level"): the scenario's own <c>name</c>, which
/// names the results folder, and the identifiers of parameters, variables, machines, outcomes, variants and states.
/// The patterns match the whole text (<c>\z</c>, not <c>$</c>, which would also let a final line feed through), and a
/// name holding a control character is described by that character, since it would not show in a message.
/// </summary>
internal static partial class ScenarioNames
{
    /// <summary>Whether <paramref name="name"/> starts with a letter and has only letters, digits and '_'.</summary>
    public static bool IsIdentifier(string name) => Identifier().IsMatch(name);

    /// <summary>Whether <paramref name="name"/> has only lowercase letters, digits, '_' and '-'.</summary>
    public static bool IsScenarioName(string name) => ScenarioName().IsMatch(name);

    /// <summary>
    /// For a name holding a control character: <c>state name "A\n" contains a line feed</c>, with
    /// <paramref name="what"/> as the subject; null when it holds none.
    /// </summary>
    public static string? ControlCharacterProblem(string what, string name)
    {
        var index = name.AsSpan().IndexOfAnyInRange('\0', '\u001F');
        for (var i = 0; i < name.Length && index < 0; i++)
            if (char.IsControl(name[i]) || name[i] is '\u2028' or '\u2029') index = i;
        return index < 0 ? null : $"{what} {Shown(name)} contains {Describe(name[index])}";
    }

    /// <summary>A name in double quotes with its control characters written as escapes, so it shows on one line.</summary>
    public static string Shown(string name)
    {
        var shown = new System.Text.StringBuilder("\"");
        foreach (var c in name)
        {
            shown.Append(c switch
            {
                '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", '\0' => "\\0", '"' => "\\\"", '\\' => "\\\\",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }
        return shown.Append('"').ToString();
    }

    private static string Describe(char c) => c switch
    {
        '\n' => "a line feed",
        '\r' => "a carriage return",
        '\t' => "a tab",
        '\0' => "a NUL character",
        '\u001B' => "an escape character (U+001B)",
        '\u0085' => "a next-line character (U+0085)",
        '\u2028' => "a line separator (U+2028)",
        '\u2029' => "a paragraph separator (U+2029)",
        _ => $"the control character U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)}",
    };

    [GeneratedRegex(@"\A[A-Za-z][A-Za-z0-9_]*\z")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"\A[a-z0-9_-]+\z")]
    private static partial Regex ScenarioName();
}
