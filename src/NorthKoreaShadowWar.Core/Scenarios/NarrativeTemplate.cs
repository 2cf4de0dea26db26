using System.Text.RegularExpressions;

namespace NorthKoreaShadowWar.Scenarios;

/// <summary>
/// The placeholders of a narrative: <c>{troops}</c> stands for a variable's value, <c>{role}</c> for the
/// label of a machine's current state.
/// </summary>
internal static partial class NarrativeTemplate
{
    /// <summary>Each placeholder's name and the offset of its opening brace.</summary>
    public static IEnumerable<(string Name, int Offset)> Placeholders(string narrative) =>
        Placeholder().Matches(narrative).Select(m => (m.Groups[1].Value, m.Index));

    /// <summary>The narrative with every placeholder replaced by <paramref name="value"/> of its name.</summary>
    public static string Fill(string narrative, Func<string, string> value) =>
        Placeholder().Replace(narrative, m => value(m.Groups[1].Value));

    [GeneratedRegex(@"\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}")]
    private static partial Regex Placeholder();
}
