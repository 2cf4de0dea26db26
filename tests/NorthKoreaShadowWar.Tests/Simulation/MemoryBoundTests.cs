using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Simulation;

/// <summary>
/// Memory does not grow with the number of trials: ten million trials of the baseline, run by the command line in a
/// process of its own on every core, stay far below 1 GiB. On two cores this takes about four minutes, the longest
/// test of the suite; it is the run a planner makes when a batch outgrows a laptop's patience.
/// </summary>
[Category("Load")]
public class MemoryBoundTests
{
    private const long Trials = 10_000_000;
    private const long OneGibibyte = 1L << 30;

    [Test]
    public void Ten_million_trials_of_the_baseline_stay_under_one_gibibyte()
    {
        var directory = Directory.CreateTempSubdirectory("shadowwar-load-").FullName;
        try
        {
            var scenario = Path.Combine(Paths.Scenarios, "baseline.yaml");
            var results = Path.Combine(directory, "results");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "shadowwar.dll"), "run", scenario,
                         "--trials", Trials.ToString(CultureInfo.InvariantCulture), "--out", results })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            Assert.That(process.WaitForExit(TimeSpan.FromMinutes(20)), Is.True, "finished within twenty minutes");
            output.Wait();
            Assert.That(process.ExitCode, Is.EqualTo(0), error.Result);

            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "summary.json")));
            var root = summary.RootElement;
            var peak = root.GetProperty("performance").GetProperty("peakWorkingSetBytes").GetInt64();
            TestContext.Out.WriteLine($"{Trials:N0} trials: peak working set {peak / 1e6:F0} MB, {root.GetProperty("performance").GetProperty("simulateSeconds").GetDouble():F1} s simulating");
            Assert.That(root.GetProperty("trials").GetInt64(), Is.EqualTo(Trials));
            Assert.That(peak, Is.GreaterThan(0).And.LessThan(OneGibibyte));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
