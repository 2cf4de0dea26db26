using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Cli;

/// <summary>
/// Ctrl-C for real: the built <c>shadowwar</c> runs as a child process and receives SIGINT. The first stops the run at a
/// block boundary and writes the trials completed, marked partial, with exit code 130; a second exits at once and
/// leaves no half-written folder.
/// </summary>
[NonParallelizable]
public class InterruptionTests
{
    private string directory = "";

    [SetUp]
    public void CreateDirectory()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("sending SIGINT needs a Unix 'kill' and GNU env's --default-signal");
        directory = Directory.CreateTempSubdirectory("shadowwar-interrupt-").FullName;
    }

    [TearDown]
    public void DeleteDirectory()
    {
        if (directory.Length > 0) Directory.Delete(directory, recursive: true);
    }

    private static string Baseline => Path.Combine(Paths.Scenarios, "baseline.yaml");

    [Test]
    public void The_first_ctrl_c_writes_the_completed_whole_blocks_as_a_partial_run_that_equals_a_run_of_that_many_trials()
    {
        var results = Path.Combine(directory, "interrupted");
        var (exitCode, error) = RunAndInterrupt(results, interrupts: 1);

        Assert.That(exitCode, Is.EqualTo(130), error);
        Assert.That(error, Does.Contain("partial").And.Not.Contain("   at "));
        using var partial = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "summary.json")));
        var root = partial.RootElement;
        var trials = root.GetProperty("trials").GetInt64();
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("partial").GetBoolean(), Is.True);
            Assert.That(root.GetProperty("trialsCompleted").GetInt64(), Is.EqualTo(trials));
            Assert.That(root.GetProperty("trialsRequested").GetInt64(), Is.EqualTo(50_000_000));
            Assert.That(trials, Is.GreaterThan(0));
            Assert.That(trials % RunSettings.BlockSize, Is.EqualTo(0), "whole blocks only");
            Assert.That(File.Exists(Path.Combine(results, "report.html")), Is.True, "a complete results folder");
        });

        var plain = Path.Combine(directory, "plain");
        var run = CommandLine.Run("run", Baseline, "--trials", trials.ToString(CultureInfo.InvariantCulture), "--threads", "2", "--out", plain);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        using var complete = JsonDocument.Parse(File.ReadAllText(Path.Combine(plain, "summary.json")));
        Assert.That(root.GetProperty("outcomes").GetRawText(), Is.EqualTo(complete.RootElement.GetProperty("outcomes").GetRawText()));
        Assert.That(root.GetProperty("occupancy").GetRawText(), Is.EqualTo(complete.RootElement.GetProperty("occupancy").GetRawText()));
        Assert.That(File.ReadAllText(Path.Combine(results, "outcomes.csv")), Is.EqualTo(File.ReadAllText(Path.Combine(plain, "outcomes.csv"))));
    }

    [Test]
    public void A_second_ctrl_c_exits_at_once_without_leaving_a_half_written_folder()
    {
        var results = Path.Combine(directory, "interrupted");
        var (exitCode, error) = RunAndInterrupt(results, interrupts: 2);

        Assert.That(exitCode, Is.EqualTo(130), error);
        Assert.That(error, Does.Contain("stopped at once").And.Not.Contain("   at "));
        Assert.That(Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName), Has.None.Contains(".writing-"));
        if (Directory.Exists(results))
            Assert.That(File.Exists(Path.Combine(results, "report.html")), Is.True, "a folder under the target's name is complete");
    }

    [Test]
    public void The_first_sigterm_writes_the_completed_trials_as_a_partial_run_and_exits_143()
    {
        var results = Path.Combine(directory, "terminated");
        var (exitCode, error) = RunAndSignal(results, "TERM", signals: 1);

        Assert.That(exitCode, Is.EqualTo(143), error);
        Assert.That(error, Does.Contain("SIGTERM").And.Contain("partial").And.Not.Contain("   at "));
        using var partial = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "summary.json")));
        Assert.That(partial.RootElement.GetProperty("partial").GetBoolean(), Is.True);
        Assert.That(File.Exists(Path.Combine(results, "report.html")), Is.True, "a complete results folder");
        Assert.That(Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName), Has.None.Contains(".writing-"));
    }

    private static (int ExitCode, string Error) RunAndInterrupt(string results, int interrupts) => RunAndSignal(results, "INT", interrupts);

    /// <summary>
    /// Starts a long run of the baseline, waits until its progress line reports completed trials (so the handlers are
    /// listening and at least one block is done, however slow the machine), sends the signal (twice 50 ms apart if
    /// asked) and waits for the exit.
    /// </summary>
    private static (int ExitCode, string Error) RunAndSignal(string results, string signal, int signals)
    {
        // A program started in the background by a shell without job control inherits SIGINT ignored, and keeps it so
        // (as nohup expects); the test run may be such a program, so the child gets SIGINT's default disposition back
        // from env before it starts.
        var start = new ProcessStartInfo("env") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "shadowwar.dll"), "run", Baseline,
                     "--trials", "50000000", "--threads", "2", "--out", results })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = new System.Text.StringBuilder();
        using var running = new ManualResetEventSlim();
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null) return;
            lock (error) error.AppendLine(line.Data);
            if (line.Data.StartsWith("progress:", StringComparison.Ordinal) && !line.Data.Contains("(0 of", StringComparison.Ordinal)) running.Set();
        };
        process.BeginErrorReadLine();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!running.Wait(TimeSpan.FromSeconds(300)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the run reported no completed trials within five minutes");
        }
        for (var i = 0; i < signals; i++)
        {
            if (i > 0) Thread.Sleep(50);
            using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the run did not stop within two minutes of SIG{signal}");
        }
        process.WaitForExit();
        output.Wait();
        lock (error) return (process.ExitCode, error.ToString());
    }
}
