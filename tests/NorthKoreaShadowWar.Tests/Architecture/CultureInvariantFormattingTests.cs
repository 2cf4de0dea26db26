using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Architecture;

/// <summary>
/// The core library writes numbers the same way whatever the culture of the program that uses it (docs/library.md):
/// no method of its compiled assembly formats or parses a number, a date or an object in the current culture.
/// Interpolations say <c>string.Create(CultureInfo.InvariantCulture, $"...")</c>, conversions pass
/// <c>CultureInfo.InvariantCulture</c>. The analyzer's CA1305 sees explicit calls only; this reads the IL, where
/// interpolated strings, string concatenation and compiler-generated methods show too.
/// </summary>
public class CultureInvariantFormattingTests
{
    [Test]
    public void NoMethodOfTheCoreFormatsOrParsesInTheCurrentCulture()
    {
        var findings = CurrentCultureFormatting.In(typeof(ScenarioPipeline).Assembly.Location);
        Assert.That(findings, Is.Empty, () => $"{findings.Count} places format or parse in the current culture:\n  " + string.Join("\n  ", findings));
    }

    [Test]
    public void TheScanFindsEachWayOfFormattingInTheCurrentCulture()
    {
        var findings = CurrentCultureFormatting.In(typeof(CultureSensitiveExamples).Assembly.Location)
            .Where(finding => finding.StartsWith(typeof(CultureSensitiveExamples).FullName!, StringComparison.Ordinal))
            .ToList();
        string[] expected =
        [
            "Interpolation: an interpolated string without a culture formats a System.Double",
            "InterpolationOfAnInteger: an interpolated string without a culture formats a System.Int32",
            "InterpolationOfAnObject: an interpolated string without a culture formats a System.Object",
            "AppendedInterpolation: an interpolated string without a culture formats a System.Double",
            "Concatenation: System.Double.ToString() without a culture",
            "ToStringWithAFormat: System.Double.ToString(System.String) without a culture",
            "ToStringWithANullCulture: System.Double.ToString is given a null culture, which means the current one",
            "Parse: System.Double.Parse(System.String) without a culture",
            "Format: System.String.Format(System.String, System.Object) without a culture",
            "Join: System.String.Join(System.String, System.Collections.Generic.IEnumerable`1<!!0>)<System.Double> turns values into text without a culture",
            "Append: System.Text.StringBuilder.Append(System.Double) without a culture",
            "Write: System.IO.TextWriter.Write(System.Double) in the writer's culture",
            "CurrentCulture: reads CultureInfo.CurrentCulture",
            "InterpolationOfARecord: an interpolated string without a culture formats a NorthKoreaShadowWar.Tests.Support.CultureSensitiveExamples+Share",
            "+Shown.PrintMembers: System.Double.ToString() without a culture",
        ];
        Assert.That(findings, Is.EquivalentTo(expected.Select(line => typeof(CultureSensitiveExamples).FullName + (line.StartsWith('+') ? line : "." + line))));
    }
}
