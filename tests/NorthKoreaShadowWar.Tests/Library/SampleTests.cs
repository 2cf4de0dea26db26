using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Library;

/// <summary>The console sample (samples/EscalationTable, built before the tests by a build-only project reference) runs and prints its table.</summary>
public class SampleTests
{
    [Test]
    public void The_console_sample_builds_a_scenario_runs_it_and_prints_a_table()
    {
        var configuration = Path.GetFileName(Path.GetDirectoryName(TestContext.CurrentContext.TestDirectory))!;
        var program = Path.Combine(Paths.Repository, "samples", "EscalationTable", "bin", configuration, "net10.0", "EscalationTable.dll");
        Assert.That(program, Does.Exist, "the test project builds the sample (a project reference without its assembly)");
        var (code, output) = ExternalProcess.Run("dotnet", [program], Paths.Repository, TimeSpan.FromMinutes(5));
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, output);
            Assert.That(lines[0], Does.StartWith("Troops at the front, and Seoul's answer (20,000 trials, seed 1)"));
            Assert.That(lines[1], Does.Contain("base").And.Contain("hawkish"));
            Assert.That(lines.Skip(2).Select(l => l.Split(' ')[0]),
                Is.EqualTo(new[] { "lethal_within_half_year", "weeks_to_combat", "casualties_end", "final_seoul" }));
            Assert.That(lines[2], Does.Match(@"^lethal_within_half_year\s+\d+\.\d% \[\d+\.\d%, \d+\.\d%\]\s+\d+\.\d% \["));
        });
    }
}
