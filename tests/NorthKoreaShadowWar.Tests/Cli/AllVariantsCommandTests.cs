using System.Text.Json.Nodes;
using NorthKoreaShadowWar.Batches;
using NorthKoreaShadowWar.Tests.Batches;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Cli;

public class AllVariantsCommandTests : TinyScenarioTest
{
    /// <summary>summary.json without <c>performance</c>, the one part that depends on the machine and the moment.</summary>
    internal static string SummaryWithoutTiming(string folder)
    {
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")))!.AsObject();
        summary.Remove("performance");
        return summary.ToJsonString();
    }

    [Test]
    public void Every_variant_gets_a_subfolder_equal_to_a_plain_run_of_that_variant()
    {
        var output = Path.Combine(Folder, "all");
        var (exitCode, stdout, stderr) = CommandLine.Run("run", Scenario, "--all-variants", "--trials", "2048", "--seed", "4", "--set", "x=0.3", "--out", output);
        Assert.That(exitCode, Is.Zero, stderr);
        foreach (var (variant, folder) in new[] { ((string?)null, "tiny"), ("slow", "tiny-slow"), ("fast", "tiny-fast") })
        {
            var plain = Path.Combine(Folder, "plain-" + folder);
            string[] variantOption = variant is null ? [] : ["--variant", variant];
            var (plainExit, _, plainError) = CommandLine.Run(["run", Scenario, .. variantOption, "--trials", "2048", "--seed", "4", "--set", "x=0.3", "--out", plain]);
            Assert.That(plainExit, Is.Zero, plainError);
            Assert.Multiple(() =>
            {
                foreach (var file in new[] { "outcomes.csv", "categories.csv", "occupancy.csv" })
                    Assert.That(File.ReadAllBytes(Path.Combine(output, folder, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(plain, file))), $"{folder}/{file}");
                Assert.That(SummaryWithoutTiming(Path.Combine(output, folder)), Is.EqualTo(SummaryWithoutTiming(plain)), folder);
            });
        }
        Assert.That(stdout, Does.Contain("tiny-fast").And.Contain("results: " + output));
    }

    [Test]
    public void Batch_csv_has_one_row_per_run_and_quantity_and_the_plots_overlay_the_runs()
    {
        var output = Path.Combine(Folder, "all");
        var (exitCode, _, stderr) = CommandLine.Run("run", Scenario, "--all-variants", "--trials", "1024", "--out", output);
        Assert.That(exitCode, Is.Zero, stderr);
        var lines = File.ReadAllLines(Path.Combine(output, "batch.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(Csv.Fields(lines[0]), Is.EqualTo(new[] { "run", "variant" }.Concat(BatchCsv.QuantityColumns)));
            Assert.That(lines, Has.Length.EqualTo(1 + 3 * BatchScenarios.RowsPerRun));
            Assert.That(lines.Skip(1).Select(l => Csv.Fields(l)[1]).Distinct(), Is.EqualTo(new[] { "", "slow", "fast" }));
            Assert.That(new FileInfo(Path.Combine(output, "plots", "probabilities.png")).Length, Is.GreaterThan(10_000));
            Assert.That(new FileInfo(Path.Combine(output, "plots", "first_b-cumulative.png")).Length, Is.GreaterThan(10_000));
            Assert.That(File.ReadAllText(Path.Combine(output, "report.html")), Does.Contain("tiny: all variants"));
        });
    }

    [Test]
    public void All_variants_with_one_variant_is_a_usage_error()
    {
        var (exitCode, _, stderr) = CommandLine.Run("run", Scenario, "--all-variants", "--variant", "slow", "--out", Path.Combine(Folder, "x"));
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("shadowwar run: --all-variants runs the base scenario and every variant"));
        });
    }
}
