using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NorthKoreaShadowWar;

/// <summary>Numbers and strings written as YAML scalars, so that the loader reads back exactly what was given.</summary>
internal static class YamlScalars
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A number, round-trip exact; NaN and infinities as YAML writes them (the loader refuses them with its own message).</summary>
    public static string Number(double value) =>
        double.IsNaN(value) ? ".nan"
        : double.IsPositiveInfinity(value) ? ".inf"
        : double.IsNegativeInfinity(value) ? "-.inf"
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A double-quoted string; a JSON string is a valid YAML double-quoted scalar.</summary>
    public static string Quoted(string text) => JsonSerializer.Serialize(text, Quoting);

    /// <summary>A flow sequence of double-quoted strings: <c>["A", "B"]</c>.</summary>
    public static string QuotedList(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(Quoted)) + "]";
}
