using System.Text.RegularExpressions;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Library;

/// <summary>The README's "scenario in one screen" is a scenario that runs, and it is the one the library tests build.</summary>
public class ReadmeExampleTests
{
    private static string ReadmeExample()
    {
        var readme = File.ReadAllText(Path.Combine(Paths.Repository, "README.md"));
        var block = Regex.Match(readme, @"## A scenario in one screen\s+```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline);
        Assert.That(block.Success, "README.md has no yaml block under \"A scenario in one screen\"");
        return block.Groups["yaml"].Value;
    }

    [Test]
    public void It_validates_without_warnings_and_runs_every_variant()
    {
        var scenario = EscalationScenario.Parse(ReadmeExample());
        var options = new RunOptions { Trials = 200_000, Seed = 1, Threads = 2 };
        Assert.Multiple(() =>
        {
            Assert.That(scenario.Warnings, Is.Empty);
            Assert.DoesNotThrow(() => scenario.Run(options));
            Assert.DoesNotThrow(() => scenario.WithVariant("hawkish").Run(options));
        });
    }

    [Test]
    public void It_is_the_scenario_the_builder_tests_use()
    {
        var options = new RunOptions { Trials = 4096, Seed = 5, Threads = 2 };
        Assert.That(EscalationScenario.Parse(ReadmeExample()).Run(options).ToString(),
            Is.EqualTo(EscalationScenario.Parse(ScenarioBuilderTests.Example).Run(options).ToString()));
    }
}
