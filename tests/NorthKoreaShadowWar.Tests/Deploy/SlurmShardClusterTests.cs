using System.Diagnostics;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Deploy;

/// <summary>
/// The cluster check on a real one-node Slurm (deploy/slurm/ci-test.sh): the baseline as a job array of shards and a
/// merge job, submitted with submit.sh, equals a plain run. Skipped only where Slurm is not installed.
/// </summary>
[Category("Slurm")]
public class SlurmShardClusterTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    [Test]
    public void Shards_run_as_a_slurm_job_array_and_merged_by_a_dependent_job_equal_the_unsharded_run()
    {
        if (!File.Exists("/usr/sbin/slurmctld") && !File.Exists("/usr/bin/slurmctld"))
            Assert.Ignore("Slurm is not installed (apt-get install slurm-wlm munge, as .ci/run does): the real cluster check did not run");
        var start = new ProcessStartInfo("bash", [Path.Combine(Paths.Repository, "deploy", "slurm", "ci-test.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Paths.Repository,
        };
        // The jobs run the CLI these tests were built with.
        start.Environment["SHADOWWAR"] = Path.Combine(TestContext.CurrentContext.TestDirectory, "shadowwar");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"deploy/slurm/ci-test.sh did not finish in {Limit.TotalMinutes} minutes:\n{output.Result}\n{error.Result}");
        }
        TestContext.Out.WriteLine(output.Result);
        Assert.That(process.ExitCode, Is.EqualTo(0), $"deploy/slurm/ci-test.sh failed:\n{output.Result}\n{error.Result}");
        Assert.That(output.Result, Does.Contain("PASSED"));
    }
}
