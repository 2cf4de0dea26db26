using CsCheck;
using NorthKoreaShadowWar.Cli.Terminal;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Results;

/// <summary>
/// The results folder at <c>--out</c>: checked before any trial runs, replaced with <c>--force</c> only when it is an earlier
/// results folder, never the scenario, the working directory, a parent of an input or a folder of the user's.
/// </summary>
[NonParallelizable]
public class OutputTargetTests
{
    private const string Tiny = """
        name: tiny
        horizon: 5
        parameters:
          rate: { uniform: [0.1, 0.3] }
        machines:
          m:
            initial: A
            states: [A, B]
            transitions: [ { from: A, to: B, p: rate } ]
        outcomes:
          b: { reached: m.B }
        """;

    private string root = "";
    private string work = "";
    private string scenario = "";
    private string originalDirectory = "";

    [SetUp]
    public void CreateDirectory()
    {
        root = Directory.CreateTempSubdirectory("shadowwar-out-").FullName;
        work = Directory.CreateDirectory(Path.Combine(root, "work")).FullName;
        scenario = Path.Combine(work, "tiny.yaml");
        File.WriteAllText(scenario, Tiny);
        File.WriteAllText(Path.Combine(work, "keep.txt"), "mine");
        Directory.CreateDirectory(Path.Combine(work, "notes"));
        File.WriteAllText(Path.Combine(work, "notes", "thesis.txt"), "chapter one");
        originalDirectory = Environment.CurrentDirectory;
        Environment.CurrentDirectory = work;
    }

    [TearDown]
    public void DeleteDirectory()
    {
        Environment.CurrentDirectory = originalDirectory;
        Directory.Delete(root, recursive: true);
    }

    private static (int ExitCode, string Out, string Error) Run(string output, params string[] more) =>
        CommandLine.Run(["run", "tiny.yaml", "--trials", "1024", "--out", output, .. more]);

    [TestCase("", "error: --out is empty")]
    [TestCase("/", "error: --out /: is the root folder; refusing to replace it")]
    [TestCase(".", "error: --out .: is the working directory; refusing to replace it")]
    [TestCase("./", "error: --out ./: is the working directory; refusing to replace it")]
    [TestCase("..", "error: --out ..: holds the working directory; refusing to replace it")]
    [TestCase("tiny.yaml", "error: --out tiny.yaml: is an input of this command (tiny.yaml); refusing to replace it")]
    [TestCase("keep.txt", "error: --out keep.txt: is a file")]
    [TestCase("notes", "error: --out notes: is not a results folder written by shadowwar")]
    [TestCase("keep.txt/results", "error: --out keep.txt/results: cannot write a folder there")]
    public void A_target_that_is_not_ours_is_refused_with_force_before_any_trial_and_nothing_is_touched(string output, string message)
    {
        var before = Snapshot(root);
        var (exitCode, stdout, error) = Run(output, "--force");
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2), error);
            Assert.That(error, Does.StartWith(message));
            Assert.That(error, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
            Assert.That(stdout, Does.Not.Contain("results:"), "no trial ran");
            Assert.That(Snapshot(root), Is.EqualTo(before));
        });
    }

    [Test]
    public void A_parent_of_the_scenario_is_refused_even_from_elsewhere()
    {
        Environment.CurrentDirectory = root;
        var (exitCode, _, error) = CommandLine.Run("run", scenario, "--trials", "1024", "--out", work, "--force");
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("holds an input of this command"));
        Assert.That(File.ReadAllText(scenario), Is.EqualTo(Tiny));
    }

    [Test]
    public void A_results_folder_the_user_added_a_file_to_is_not_replaced()
    {
        Assert.That(Run("res").ExitCode, Is.Zero);
        File.WriteAllText(Path.Combine("res", "my-notes.txt"), "mine");
        var (exitCode, _, error) = Run("res", "--force");
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("holds files shadowwar did not write (my-notes.txt)"));
        Assert.That(File.ReadAllText(Path.Combine("res", "my-notes.txt")), Is.EqualTo("mine"));
    }

    [Test]
    public void A_trailing_slash_names_the_folder_itself_and_force_replaces_earlier_results_there()
    {
        var (first, _, firstError) = Run("res/");
        Assert.That(first, Is.Zero, firstError);
        var (exitCode, _, error) = Run("res/", "--force", "--seed", "5");
        Assert.That(exitCode, Is.Zero, error);
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(Path.Combine(work, "res", "summary.json")), Does.Contain("\"seed\": 5"));
            Assert.That(Directory.Exists(Path.Combine(work, "res", "res")), Is.False);
            Assert.That(File.Exists(Path.Combine(work, "res", ResultsFolderMarker.FileName)), Is.True);
            Assert.That(Directory.EnumerateDirectories(work, ".res.*"), Is.Empty, "no temporary folder is left");
        });
    }

    [TestCase("exact")]
    [TestCase("sweep")]
    [TestCase("sensitivity")]
    [TestCase("all-variants")]
    [TestCase("shard")]
    [TestCase("compare")]
    [TestCase("merge")]
    [TestCase("score")]
    public void Every_command_that_writes_a_folder_refuses_the_working_directory_and_an_empty_out(string command)
    {
        Assert.That(Run("earlier").ExitCode, Is.Zero);
        Assert.That(CommandLine.Run("run", "tiny.yaml", "--trials", "1024", "--shard", "1/1", "--out", "shard").ExitCode, Is.Zero);
        File.WriteAllText("observed.yaml", "outcomes:\n  b: true\n");
        string[] arguments = command switch
        {
            "exact" => ["exact", "tiny.yaml"],
            "sweep" => ["sweep", "tiny.yaml", "--param", "rate=0.1:0.2:2", "--trials", "1024"],
            "sensitivity" => ["sensitivity", "tiny.yaml", "--outcome", "b", "--trials", "64", "--tornado-trials", "64"],
            "all-variants" => ["run", "tiny.yaml", "--all-variants", "--trials", "1024"],
            "shard" => ["run", "tiny.yaml", "--shard", "1/2", "--trials", "2048"],
            "compare" => ["compare", "tiny.yaml", "tiny.yaml", "--trials", "1024"],
            "merge" => ["merge", "shard"],
            _ => ["score", "earlier", "--observed", "observed.yaml"],
        };
        var before = Snapshot(root);
        foreach (var (output, message) in new[] { (".", "is the working directory"), ("", "--out is empty"), ("notes", "not a results folder") })
        {
            var (exitCode, _, error) = CommandLine.Run([.. arguments, "--out", output, "--force"]);
            Assert.That(exitCode, Is.EqualTo(2), error);
            Assert.That(error, Does.Contain(message).And.Not.Contain("   at "));
        }
        Assert.That(Snapshot(root), Is.EqualTo(before));
    }

    [Test]
    public void Temporary_folders_of_killed_runs_are_removed_by_the_next_run_and_those_of_running_ones_kept()
    {
        Assert.That(Run("res").ExitCode, Is.Zero);
        const string Dead = "999999999";
        var guid = new string('a', 32);
        var writing = Directory.CreateDirectory(Path.Combine(work, $".res.writing-{Dead}-{guid}")).FullName;
        File.WriteAllText(Path.Combine(writing, "summary.json"), "{ \"half\": ");
        var replaced = Directory.CreateDirectory(Path.Combine(work, $".res.replaced-{Dead}-{guid}")).FullName;
        var running = Directory.CreateDirectory(Path.Combine(work, $".res.writing-{Environment.ProcessId}-{guid}")).FullName;
        var (exitCode, _, error) = Run("res", "--force");
        Assert.That(exitCode, Is.Zero, error);
        Assert.Multiple(() =>
        {
            Assert.That(Directory.Exists(writing), Is.False);
            Assert.That(Directory.Exists(replaced), Is.False);
            Assert.That(Directory.Exists(running), Is.True, "a process still running may be writing it");
        });
    }

    [Test]
    public void Earlier_results_a_killed_replacement_left_aside_are_put_back_when_the_target_is_missing()
    {
        Assert.That(Run("res").ExitCode, Is.Zero);
        var earlier = File.ReadAllText(Path.Combine("res", "summary.json"));
        Directory.Move(Path.Combine(work, "res"), Path.Combine(work, $".res.replaced-999999999-{new string('b', 32)}"));
        var (exitCode, _, error) = Run("res", "--seed", "3");
        Assert.That(exitCode, Is.EqualTo(2), "restored, the earlier results are refused without --force");
        Assert.That(error, Does.Contain("were put back").And.Contain("already exists"));
        Assert.That(File.ReadAllText(Path.Combine("res", "summary.json")), Is.EqualTo(earlier));
    }

    [Test]
    public void A_write_failure_from_parallel_writers_is_reported_plainly_and_the_earlier_results_stay()
    {
        Assert.That(Run("res").ExitCode, Is.Zero);
        var before = Snapshot(Path.Combine(work, "res"));
        var originalError = Console.Error;
        using var error = new StringWriter();
        Console.SetError(error);
        bool written;
        try
        {
            written = ResultsFolderWriting.TryWrite("res", ResultsFolder.ExistingFolder.Replace, folder =>
            {
                File.WriteAllText(Path.Combine(folder, "summary.json"), "{ \"half\": ");
                Parallel.For(0, 4, _ => throw new IOException("No space left on device"));
            });
        }
        finally
        {
            Console.SetError(originalError);
        }
        Assert.Multiple(() =>
        {
            Assert.That(written, Is.False);
            Assert.That(error.ToString(), Is.EqualTo($"error: cannot write results to res: No space left on device{Environment.NewLine}"));
            Assert.That(Snapshot(Path.Combine(work, "res")), Is.EqualTo(before));
            Assert.That(Directory.EnumerateDirectories(work, ".res.*"), Is.Empty);
        });
    }

    [Test]
    public void Two_folders_are_exchanged_in_one_step_where_the_system_allows()
    {
        var a = Directory.CreateDirectory(Path.Combine(work, "a")).FullName;
        var b = Directory.CreateDirectory(Path.Combine(work, "b")).FullName;
        File.WriteAllText(Path.Combine(a, "which"), "a");
        File.WriteAllText(Path.Combine(b, "which"), "b");
        if (!AtomicExchange.TryExchange(a, b)) Assert.Ignore("renameat2 RENAME_EXCHANGE is not available here; two renames are used");
        Assert.That(File.ReadAllText(Path.Combine(a, "which")), Is.EqualTo("b"));
        Assert.That(File.ReadAllText(Path.Combine(b, "which")), Is.EqualTo("a"));
    }

    /// <summary>The kinds of <c>--out</c> a user might give, relative to the working directory.</summary>
    private static readonly string[] Targets = ["", "/", ".", "..", "tiny.yaml", "notes", "notes/thesis.txt", "keep.txt", "fresh", "earlier", "../work", "new/deeper"];

    [Test]
    public void Any_out_with_or_without_force_keeps_every_file_of_the_user_and_exits_0_or_2()
    {
        Assert.That(Run("earlier").ExitCode, Is.Zero);
        var template = Path.Combine(root, "template");
        Directory.Move(work, template);
        Gen.Select(Gen.Int[0, Targets.Length - 1], Gen.Int[0, 2], Gen.Bool).Sample(input =>
        {
            var (target, slashes, force) = input;
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
            CopyFolder(template, work);
            Environment.CurrentDirectory = work;
            var users = Snapshot(work).Where(f => !f.Key.StartsWith("earlier", StringComparison.Ordinal)).ToList();
            var output = Targets[target] + new string('/', Targets[target].Length == 0 ? 0 : slashes);
            var (exitCode, _, error) = force ? Run(output, "--force") : Run(output);
            Assert.That(exitCode, Is.EqualTo(0).Or.EqualTo(2), error);
            Assert.That(error, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
            var after = Snapshot(work);
            foreach (var (file, bytes) in users) Assert.That(after.TryGetValue(file, out var now) && now.SequenceEqual(bytes), Is.True, file);
            Assert.That(after.Keys.Where(k => k.Contains(".writing-") || k.Contains(".replaced-")), Is.Empty);
            Environment.CurrentDirectory = root;
        }, iter: 60, threads: 1, print: input => $"--out '{Targets[input.Item1]}' + {input.Item2} '/', force {input.Item3}");
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    /// <summary>Every file under <paramref name="folder"/> (hidden ones too) with its bytes, as text for a readable comparison.</summary>
    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);
}
