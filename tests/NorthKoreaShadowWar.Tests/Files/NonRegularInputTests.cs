using System.Diagnostics;
using NorthKoreaShadowWar.Files;
using NorthKoreaShadowWar.Shards;
using NorthKoreaShadowWar.Tests.Shards;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Files;

/// <summary>
/// A FIFO, a device or a folder where a command expects a file: every command that reads one refuses it at once with
/// <c>FILE: error: is not a regular file (...)</c> and exit 2. Before, a FIFO blocked for good in open() and
/// <c>/dev/zero</c> was read until memory ran out. Each command runs in its own process with a deadline.
/// </summary>
[Platform("Linux")]
public class NonRegularInputTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private string folder = "";
    private string scenario = "";
    private string results = "";
    private string[] shards = [];

    [OneTimeSetUp]
    public void RunOnce()
    {
        folder = Directory.CreateTempSubdirectory("shadowwar-nonregular-").FullName;
        scenario = ShardScenarios.Write(folder);
        results = Path.Combine(folder, "results");
        Assert.That(CommandLine.Run("run", scenario, "--trials", "1024", "--out", results).ExitCode, Is.Zero);
        shards = [.. new[] { 1, 2 }.Select(k => Path.Combine(folder, $"shard-{k}"))];
        for (var k = 1; k <= 2; k++)
            Assert.That(CommandLine.Run("run", scenario, "--trials", "2048", "--shard", $"{k}/2", "--out", shards[k - 1]).ExitCode, Is.Zero);
    }

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    /// <summary>Makes <paramref name="path"/> a FIFO, a link to /dev/zero or a folder; returns how the error names it.</summary>
    private static string Make(string kind, string path)
    {
        if (File.Exists(path)) File.Delete(path);
        switch (kind)
        {
            case "fifo":
                using (var mkfifo = Process.Start("mkfifo", [path]))
                {
                    mkfifo.WaitForExit();
                    Assert.That(mkfifo.ExitCode, Is.Zero);
                }
                return "a FIFO";
            case "device":
                File.CreateSymbolicLink(path, "/dev/zero");
                return "a character device";
            default:
                Directory.CreateDirectory(path);
                return "a directory";
        }
    }

    private string Copy(string source, string name)
    {
        var target = Path.Combine(folder, name);
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }

    private static void ExpectRefused((int ExitCode, string Error) result, string file, string kind)
    {
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
        Assert.That(result.Error, Does.Contain($"{file}").And.Contain($"error: is not a regular file ({kind})"));
        Assert.That(result.Error, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
    }

    [TestCase("fifo")]
    [TestCase("device")]
    [TestCase("directory")]
    public void Validate_and_run_refuse_a_scenario_that_is_not_a_regular_file(string kind)
    {
        var path = Path.Combine(folder, $"{kind}-scenario.yaml");
        var name = Make(kind, path);
        ExpectRefused(CommandProcess.Run(Deadline, "validate", path), path + ":1:1", name);
        var target = Path.Combine(folder, $"{kind}-run");
        ExpectRefused(CommandProcess.Run(Deadline, "run", path, "--trials", "1024", "--out", target), path + ":1:1", name);
        Assert.That(target, Does.Not.Exist);
    }

    [TestCase("fifo")]
    [TestCase("device")]
    [TestCase("directory")]
    public void Score_refuses_an_observed_file_that_is_not_a_regular_file(string kind)
    {
        var path = Path.Combine(folder, $"{kind}-observed.yaml");
        var name = Make(kind, path);
        ExpectRefused(CommandProcess.Run(Deadline, "score", results, "--observed", path, "--out", Path.Combine(folder, $"{kind}-score")), path + ":1:1", name);
    }

    [TestCase("fifo")]
    [TestCase("device")]
    public void Score_and_compare_refuse_a_summary_that_is_not_a_regular_file(string kind)
    {
        var edited = Copy(results, $"{kind}-results");
        var summary = Path.Combine(edited, "summary.json");
        var name = Make(kind, summary);
        var observed = Path.Combine(folder, "observed.yaml");
        File.WriteAllText(observed, "outcomes: { on: true }\n");
        ExpectRefused(CommandProcess.Run(Deadline, "score", edited, "--observed", observed, "--out", Path.Combine(folder, $"{kind}-score")), summary + ":", name);
        ExpectRefused(CommandProcess.Run(Deadline, "compare", results, edited, "--out", Path.Combine(folder, $"{kind}-compare")), summary + ":", name);
    }

    [TestCase("fifo")]
    [TestCase("device")]
    public void Merge_refuses_a_shard_state_that_is_not_a_regular_file(string kind)
    {
        var edited = Copy(shards[1], $"{kind}-shard");
        var state = Path.Combine(edited, ShardState.FileName);
        var name = Make(kind, state);
        ExpectRefused(CommandProcess.Run(Deadline, "merge", shards[0], edited, "--out", Path.Combine(folder, $"{kind}-merged")), state + ":", name);
    }

    [Test]
    public void A_proc_file_reports_length_zero_but_is_read_and_counted_against_the_limit()
    {
        const string path = "/proc/self/status";
        Assert.That(new FileInfo(path).Length, Is.Zero, "the length the system reports");
        Assert.That(BoundedFile.Read(path, BoundedFile.HandWrittenLimit), Is.Not.Empty);
        Assert.That(() => BoundedFile.Read(path, 16), Throws.InstanceOf<UnreadableFileException>().With.Message.EqualTo("is larger than the 16 bytes limit (16 bytes)"));
    }

    [Test]
    public void A_device_is_refused_before_anything_is_read_and_a_large_file_while_reading()
    {
        Assert.That(() => BoundedFile.Read("/dev/zero", BoundedFile.HandWrittenLimit),
            Throws.InstanceOf<UnreadableFileException>().With.Message.EqualTo("is not a regular file (a character device)"));
        var large = Path.Combine(folder, "large.json");
        File.WriteAllBytes(large, new byte[BoundedFile.HandWrittenLimit + 1]);
        Assert.That(() => BoundedFile.Read(large, BoundedFile.HandWrittenLimit),
            Throws.InstanceOf<UnreadableFileException>().With.Message.EqualTo("is larger than the 4 MiB limit (4,194,304 bytes)"));
        File.WriteAllBytes(large, new byte[BoundedFile.HandWrittenLimit]);
        Assert.That(BoundedFile.Read(large, BoundedFile.HandWrittenLimit), Has.Length.EqualTo(BoundedFile.HandWrittenLimit));
    }
}
