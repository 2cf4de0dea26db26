using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Simulation;

/// <summary>
/// Memory does not grow with the number of trials: ten million trials stay far below 1 GiB. Ten million trials of the
/// full baseline take several minutes on two cores (measured once: 7.7 CPU-minutes, peak working set 82 MB; see
/// docs/scenario-format.md, Limits), too long for every test run; this test runs ten million trials of the baseline
/// cut to a horizon of one step (every machine, parameter and outcome kept), which is NOT the baseline's numbers but
/// the same per-trial bookkeeping, in about half a minute.
/// </summary>
[Category("Load")]
public partial class MemoryBoundTests
{
    private const long Trials = 10_000_000;
    private const long OneGibibyte = 1L << 30;

    [Test]
    public void Ten_million_trials_of_the_shortened_baseline_stay_under_one_gibibyte()
    {
        var directory = Directory.CreateTempSubdirectory("shadowwar-load-").FullName;
        try
        {
            var scenario = Path.Combine(directory, "baseline-one-step.yaml");
            File.WriteAllText(scenario, Shortened(File.ReadAllText(Path.Combine(Paths.Scenarios, "baseline.yaml")), horizon: 1));
            var results = Path.Combine(directory, "results");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "shadowwar.dll"), "run", scenario,
                         "--trials", Trials.ToString(), "--out", results })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            Assert.That(process.WaitForExit(TimeSpan.FromMinutes(10)), Is.True, "finished within ten minutes");
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

    /// <summary>The scenario with its horizon set to <paramref name="horizon"/>, and every <c>within</c> or <c>at</c> beyond it brought down to it.</summary>
    private static string Shortened(string yaml, int horizon)
    {
        var shortened = Horizon().Replace(yaml, $"horizon: {horizon}", 1);
        Assert.That(shortened, Is.Not.EqualTo(yaml), "the baseline states its horizon at the top level");
        return StepCount().Replace(shortened, m => m.Groups[1].Value + Math.Min(int.Parse(m.Groups[2].Value), horizon));
    }

    [GeneratedRegex(@"(?m)^horizon: \d+")]
    private static partial Regex Horizon();

    [GeneratedRegex(@"(?m)^(\s+(?:within|at): )(\d+)")]
    private static partial Regex StepCount();
}
