using System.Globalization;
using System.Text;

#pragma warning disable CA1305 // the point of these examples: each formats or parses in the current culture

namespace NorthKoreaShadowWar.Tests.Support;

/// <summary>
/// One method for each way of turning a number into text in the current culture, and some that say their culture;
/// CultureInvariantFormattingTests checks that its scan finds exactly the first kind.
/// </summary>
internal static class CultureSensitiveExamples
{
    public static string Interpolation(double x) => $"x = {x}";
    public static string InterpolationOfAnInteger(int n) => $"n = {n:N0}";
    public static string InterpolationOfAnObject(object o) => $"o = {o}";
    public static void AppendedInterpolation(StringBuilder text, double x) => text.Append($"x = {x}");
    public static string Concatenation(double x) => "x = " + x;
    public static string ToStringWithAFormat(double x) => x.ToString("F2");
    public static string ToStringWithANullCulture(double x) => x.ToString("F2", null);
    public static double Parse(string text) => double.Parse(text);
    public static string Format(double x) => string.Format("x = {0}", x);
    public static string Join(IEnumerable<double> xs) => string.Join(", ", xs);
    public static void Append(StringBuilder text, double x) => text.Append(x);
    public static void Write(TextWriter writer, double x) => writer.Write(x);
    public static CultureInfo CurrentCulture() => CultureInfo.CurrentCulture;
    public static string InterpolationOfARecord(Share share) => $"share = {share}";

    public static string InvariantInterpolation(double x) => string.Create(CultureInfo.InvariantCulture, $"x = {x}");
    public static string InvariantFormattable(double x) => FormattableString.Invariant($"x = {x}");
    public static void InvariantAppend(StringBuilder text, double x) => text.Append(CultureInfo.InvariantCulture, $"x = {x}");
    public static string InvariantToString(double x) => x.ToString("F2", CultureInfo.InvariantCulture);
    public static string TextOnly(string name, DayOfWeek day) => $"{name} on {day}";

    /// <summary>A record whose compiler-written ToString shows its number in the current culture.</summary>
    internal sealed record Share(double Value);

    /// <summary>The same, public: its ToString is text a caller reads, so its PrintMembers is checked.</summary>
    public sealed record Shown(double Value);

    /// <summary>A public record that writes its own ToString: the compiler's PrintMembers is never used.</summary>
    public sealed record Labelled(double Value)
    {
        public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
    }
}
