using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Results;

/// <summary>Earlier results are never lost: a run or a write that fails leaves them byte for byte, and no temporary folder.</summary>
public class ResultsFolderSafetyTests
{
    private const string Small = """
        name: small
        horizon: 6
        variables:
          x: { initial: 0 }
        machines:
          a:
            initial: Off
            states: [Off, On]
            each_step: { Off: { x: "+= 0.6" } }
            transitions: [ { from: Off, to: On, p: 0.3 } ]
        outcomes:
          on: { reached: a.On }
        """;

    private string directory = "";
    private string scenario = "";
    private string results = "";

    [SetUp]
    public void CreateDirectory()
    {
        directory = Directory.CreateTempSubdirectory("shadowwar-safety-").FullName;
        scenario = Path.Combine(directory, "small.yaml");
        File.WriteAllText(scenario, Small);
        results = Path.Combine(directory, "results");
        Assert.That(CommandLine.Run("run", scenario, "--trials", "2048", "--out", results).ExitCode, Is.EqualTo(0));
    }

    [TearDown]
    public void DeleteDirectory()
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories))
            File.SetAttributes(path, FileAttributes.Normal);
        if (!OperatingSystem.IsWindows()) new DirectoryInfo(directory).UnixFileMode |= UnixFileMode.UserWrite;
        Directory.Delete(directory, recursive: true);
    }

    private Dictionary<string, byte[]> Snapshot() =>
        Directory.EnumerateFiles(results, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(results, f), File.ReadAllBytes);

    private void AssertUntouchedAndClean(Dictionary<string, byte[]> before)
    {
        var after = Snapshot();
        Assert.That(after.Keys, Is.EquivalentTo(before.Keys));
        foreach (var (file, bytes) in before) Assert.That(after[file], Is.EqualTo(bytes), file);
        Assert.That(Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName), Has.None.Contains(".writing-").And.None.Contains(".replaced-"));
    }

    [Test]
    public void A_run_that_fails_while_running_leaves_the_earlier_results_untouched_even_with_force()
    {
        var before = Snapshot();
        File.WriteAllText(scenario, Small.Replace("p: 0.3", "p: \"x\""));
        var (exitCode, _, error) = CommandLine.Run("run", scenario, "--trials", "2048", "--out", results, "--force");
        Assert.That(exitCode, Is.EqualTo(1), error);
        Assert.That(error, Does.Contain("machine 'a', state 'Off'").And.Contain("in trial").And.Contain("at step"));
        AssertUntouchedAndClean(before);
    }

    [Test]
    public void A_write_that_fails_midway_leaves_the_earlier_results_untouched()
    {
        var before = Snapshot();
        Assert.Throws<IOException>(() => ResultsFolder.Write(results, ResultsFolder.ExistingFolder.Replace, folder =>
        {
            File.WriteAllText(Path.Combine(folder, "summary.json"), "{ \"half\": ");
            throw new IOException("No space left on device");
        }));
        AssertUntouchedAndClean(before);
    }

    [Test]
    public void An_existing_folder_named_with_out_is_refused_without_force_and_kept()
    {
        var before = Snapshot();
        var (exitCode, _, error) = CommandLine.Run("run", scenario, "--trials", "1024", "--seed", "9", "--out", results);
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("already exists; pass --force"));
        AssertUntouchedAndClean(before);
    }

    [Test]
    public void A_place_where_no_folder_can_be_created_is_refused_up_front_with_exit_2()
    {
        var blocker = Path.Combine(directory, "not-a-folder");
        File.WriteAllText(blocker, "a file where the results' parent folder should be");
        var target = Path.Combine(blocker, "results");
        var (exitCode, _, error) = CommandLine.Run("run", scenario, "--trials", "1024", "--out", target);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2), error);
            Assert.That(error, Does.StartWith($"error: --out {target}: cannot write a folder there: "));
            Assert.That(error, Does.Not.Contain("   at ").And.Not.Match(@"\b[A-Z]\w*Exception\b"));
            Assert.That(File.ReadAllText(blocker), Does.StartWith("a file where"));
        });
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_read_only_parent_folder_is_refused_up_front_and_the_earlier_results_stay()
    {
        var before = Snapshot();
        var parent = new DirectoryInfo(directory);
        parent.UnixFileMode &= ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite);
        try
        {
            var probe = Path.Combine(directory, "probe");
            try
            {
                File.WriteAllText(probe, "");
                File.Delete(probe);
                Assert.Ignore("permissions are not enforced for this user (root); the file-in-the-way test covers write errors");
            }
            catch (UnauthorizedAccessException)
            {
                // Permissions hold: the run below cannot create its temporary folder.
            }
            var (exitCode, _, error) = CommandLine.Run("run", scenario, "--trials", "1024", "--out", results, "--force");
            Assert.That(exitCode, Is.EqualTo(2), error);
            Assert.That(error, Does.StartWith($"error: --out {results}: cannot write a folder there: "));
        }
        finally
        {
            parent.UnixFileMode |= UnixFileMode.UserWrite;
        }
        AssertUntouchedAndClean(before);
    }
}
