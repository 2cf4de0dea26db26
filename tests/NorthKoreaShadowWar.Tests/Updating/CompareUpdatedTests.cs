using System.Globalization;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Updating;

/// <summary>
/// <c>shadowwar compare</c> of two folders that <c>update</c> wrote: the Bayes factor of B against A with its interval,
/// beside the outcome comparison; two updates on different evidence are refused with exit code 2.
/// </summary>
public class CompareUpdatedTests
{
    private string folder = "";
    private string scenario = "";

    [SetUp]
    public void CreateFiles()
    {
        folder = Directory.CreateTempSubdirectory("compare-updated").FullName;
        scenario = Path.Combine(folder, "chain.yaml");
        File.WriteAllText(scenario, DeterminismTests.Model + """

            variants:
              slow:
                description: "slower escalation"
                parameters: { a: { uniform: [0.01, 0.1] } }
            """);
        File.WriteAllText(Path.Combine(folder, "evidence.yaml"), DeterminismTests.Evidence);
        File.WriteAllText(Path.Combine(folder, "other.yaml"), DeterminismTests.Evidence.Replace("at: 2, reliability: 0.8", "at: 2, reliability: 0.7"));
    }

    [TearDown]
    public void DeleteFiles() => Directory.Delete(folder, recursive: true);

    private string Update(string variant, string evidence)
    {
        var output = Path.Combine(folder, $"{variant}-{evidence}");
        string[] args = ["update", scenario, "--evidence", Path.Combine(folder, evidence + ".yaml"), "--trials", "8192", "--out", output];
        var (code, _, error) = CommandLine.Run(variant == "base" ? args : [.. args, "--variant", variant]);
        Assert.That(code, Is.EqualTo(0), error);
        return output;
    }

    [Test]
    public void Two_updates_on_the_same_evidence_give_the_bayes_factor_beside_the_outcomes()
    {
        var a = Update("base", "evidence");
        var b = Update("slow", "evidence");
        var output = Path.Combine(folder, "compared");
        var (code, stdout, error) = CommandLine.Run("compare", a, b, "--out", output);
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(stdout, Does.Contain("Bayes factor of B against A"));
        Assert.That(File.Exists(Path.Combine(output, "comparison.csv")), Is.True);
        var rows = File.ReadAllLines(Path.Combine(output, "bayes-factor.csv"));
        Assert.That(rows, Has.Length.EqualTo(3));
        var b_ = rows[2].Split(',');
        var (logZ, factor, lower, upper) = (double.Parse(b_[1], CultureInfo.InvariantCulture), double.Parse(b_[4], CultureInfo.InvariantCulture), double.Parse(b_[5], CultureInfo.InvariantCulture), double.Parse(b_[6], CultureInfo.InvariantCulture));
        var logZa = double.Parse(rows[1].Split(',')[1], CultureInfo.InvariantCulture);
        Assert.That(Math.Log(factor), Is.EqualTo(logZ - logZa).Within(1e-9));
        Assert.That(lower, Is.LessThan(factor));
        Assert.That(upper, Is.GreaterThan(factor));
    }

    [Test]
    public void Two_updates_on_different_evidence_are_refused()
    {
        var a = Update("base", "evidence");
        var b = Update("base", "other");
        var (code, _, error) = CommandLine.Run("compare", a, b, "--out", Path.Combine(folder, "compared"));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(error, Does.Contain("error:").And.Contain("same evidence"));
        Assert.That(Directory.Exists(Path.Combine(folder, "compared")), Is.False);
    }
}
