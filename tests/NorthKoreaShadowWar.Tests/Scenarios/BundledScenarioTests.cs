using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Scenarios.Loading;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Scenarios;

/// <summary>The scenarios users run first: every file and variant runs, and each variant tells its story.</summary>
public class BundledScenarioTests
{
    private const long Trials = 4_000;

    private static string Baseline => Path.Combine(Paths.Scenarios, "baseline.yaml");

    private static IEnumerable<TestCaseData> FilesAndVariants()
    {
        foreach (var file in ScenarioFiles.Below(FindScenarios()).Order())
        {
            var diagnostics = new NorthKoreaShadowWar.Diagnostics.DiagnosticBag();
            var scenario = ScenarioLoader.Load(file, diagnostics);
            var name = Path.GetRelativePath(FindScenarios(), file);
            yield return new TestCaseData(file, null).SetName($"Runs {name}");
            foreach (var variant in scenario?.Variants ?? [])
                yield return new TestCaseData(file, variant.Name).SetName($"Runs {name} variant {variant.Name}");
        }
    }

    // Test case sources run before TestContext is set up, so find the folder from the assembly's location.
    private static string FindScenarios()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NorthKoreaShadowWar.sln"))) directory = directory.Parent;
        return Path.Combine(directory!.FullName, "scenarios");
    }

    [TestCaseSource(nameof(FilesAndVariants))]
    public void Every_scenario_and_variant_validates_and_runs(string file, string? variant)
    {
        Assert.That(ScenarioPipeline.Validate(file), Is.Empty, "no errors and no warnings");
        var result = Simulate.File(file, trials: 500, variant: variant);
        Assert.Multiple(() =>
        {
            Assert.That(result.Manifest.Trials, Is.EqualTo(500));
            Assert.That(result.Outcomes, Is.Not.Empty);
            Assert.That(result.Manifest.Variant, Is.EqualTo(variant));
        });
    }

    private static (double Lower, double Upper) Interval(RunResult result, string outcome) => result.Outcomes.Single(o => o.Name == outcome) switch
    {
        ProbabilityResult p => p.Ci95,
        DistributionResult d => d.Ci95,
        var other => throw new InvalidOperationException($"{other.Name} has no single interval"),
    };

    /// <summary>The variant's 95% interval lies entirely above (or below) the base scenario's.</summary>
    [TestCase("early_lethal_aid", "sk_lethal_aid_1y", true, TestName = "South Korea sending lethal aid early raises lethal aid within a year")]
    [TestCase("tech_transfer", "missile_or_nuclear_tech_1y", true, TestName = "Russian reciprocity raises missile or nuclear technology within a year")]
    [TestCase("tech_transfer", "peninsula_crisis_2y", true, TestName = "Russian technology transfer raises a peninsula crisis")]
    [TestCase("small_deployment", "troops_6_months", false, TestName = "A 3,000-troop deployment lowers troops at six months")]
    [TestCase("large_deployment", "troops_6_months", true, TestName = "A deployment over 10,000 raises troops at six months")]
    [TestCase("elite_commandos", "casualties_12_months", false, TestName = "Elite commandos suffer fewer casualties in a year")]
    [TestCase("numbers_only", "casualties_12_months", true, TestName = "Troops that only add numbers suffer more casualties in a year")]
    [TestCase("quick_deescalation", "withdrawn_2y", true, TestName = "A quick de-escalation raises withdrawal within two years")]
    public void Variants_move_their_outcome_in_the_direction_of_their_story(string variant, string outcome, bool raises)
    {
        var base_ = Interval(Simulate.File(Baseline, Trials), outcome);
        var what_if = Interval(Simulate.File(Baseline, Trials, variant: variant), outcome);
        if (raises) Assert.That(what_if.Lower, Is.GreaterThan(base_.Upper), $"{variant} {what_if} vs base {base_}");
        else Assert.That(what_if.Upper, Is.LessThan(base_.Lower), $"{variant} {what_if} vs base {base_}");
    }

    [Test]
    public void The_baseline_answers_the_articles_questions()
    {
        var result = Simulate.File(Baseline, trials: 2_000);
        var names = result.Outcomes.Select(o => o.Name).ToList();
        Assert.That(names, Is.SupersetOf(new[]
        {
            "combat_within_3_months", "troops_6_months", "troops_12_months", "casualties_6_months", "casualties_12_months",
            "missile_or_nuclear_tech_1y", "missile_or_nuclear_tech_2y", "weeks_to_tech_transfer", "sk_lethal_aid_1y", "weeks_to_lethal_aid",
            "final_sk", "final_reciprocity", "final_deployment",
        }));
    }

    [Test]
    public void Every_number_in_the_baseline_carries_a_comment()
    {
        // A line that sets a number (a parameter, a probability, a factor) must say where it comes from.
        var lines = File.ReadAllLines(Baseline);
        var parameterLines = lines
            .Select((line, index) => (line, index))
            .SkipWhile(x => !x.line.StartsWith("parameters:", StringComparison.Ordinal))
            .TakeWhile(x => !x.line.StartsWith("variables:", StringComparison.Ordinal))
            .Where(x => System.Text.RegularExpressions.Regex.IsMatch(x.line, @"^\s+[a-z_0-9]+:\s*[\d{]"))
            .ToList();
        Assert.That(parameterLines, Is.Not.Empty);
        foreach (var (line, index) in parameterLines)
            Assert.That(line.Contains('#') || lines[index - 1].TrimStart().StartsWith('#'), Is.True, $"line {index + 1} has no comment: {line.Trim()}");
    }
}
