using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using NorthKoreaShadowWar.Scenarios.Loading;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Scenarios;

/// <summary>
/// Every file in <c>BadScenarios/</c> goes through the real command line, <c>validate</c> and <c>run</c>. Its first
/// line says what must happen: <c># expect: LINE:COL: error: MESSAGE</c> (exit 2, that message at that place),
/// <c># expect: usage: MESSAGE</c> (a bad option), <c># expect: exit 1: MESSAGE</c> (a failure while running) or
/// <c># expect: ok</c>. Lines <c># run: OPTION VALUE</c> add options to <c>run</c>; a file with them, or one that
/// fails only while running, is itself valid. Whatever happens, no stack trace is printed and nothing is written.
/// </summary>
public partial class BadScenarioCorpusTests
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "BadScenarios");

    private string directory = "";

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("shadowwar-bad-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    public static IEnumerable<TestCaseData> Files() =>
        Directory.EnumerateFiles(Corpus, "*.yaml").Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(Path.GetFileName(path)).SetName($"Corpus_{Path.GetFileNameWithoutExtension(path)}"));

    [Test]
    public void The_corpus_covers_at_least_forty_kinds_of_bad_input() =>
        Assert.That(Files().Count(), Is.GreaterThanOrEqualTo(40));

    [TestCaseSource(nameof(Files))]
    public void Each_bad_file_gets_its_error_at_its_place_from_validate_and_run(string name)
    {
        var path = Path.Combine(Corpus, name);
        var header = Header(path);
        var expect = header.Single(h => h.Key == "expect").Value;
        var runOptions = header.Where(h => h.Key == "run").SelectMany(h => h.Value.Split(' ', 2)).ToArray();
        var fileIsValid = expect == "ok" || runOptions.Length > 0 || expect.StartsWith("exit 1: ", StringComparison.Ordinal);

        var validate = Timed(() => CommandLine.Run("validate", path));
        Assert.That(validate.ExitCode, Is.EqualTo(fileIsValid ? 0 : 2), validate.Error);
        if (!fileIsValid) ExpectDiagnostic(validate.Error, path, expect);

        var results = Path.Combine(directory, "results");
        string[] trials = runOptions.Contains("--trials") ? [] : ["--trials", "1024"];
        var run = Timed(() => CommandLine.Run(["run", path, "--out", results, .. trials, .. runOptions]));
        switch (expect)
        {
            case "ok":
                Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
                Assert.That(File.Exists(Path.Combine(results, "summary.json")), Is.True);
                return;
            case var usage when usage.StartsWith("usage: ", StringComparison.Ordinal):
                Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
                Assert.That(Lines(run.Error), Has.Some.StartsWith("shadowwar run: " + usage["usage: ".Length..]), run.Error);
                break;
            case var failure when failure.StartsWith("exit 1: ", StringComparison.Ordinal):
                Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
                Assert.That(Lines(run.Error), Has.Some.EqualTo($"{path}: error: {failure["exit 1: ".Length..]}"), run.Error);
                break;
            default:
                Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
                ExpectDiagnostic(run.Error, path, expect);
                break;
        }
        AssertPlain(validate.Error + run.Error);
        Assert.That(Directory.EnumerateFileSystemEntries(directory), Is.Empty, "nothing is written, not even a temporary folder");
    }

    /// <summary>
    /// Cases that cannot be a small file in the corpus: no file, a folder, an empty file, a file over the size limit, a
    /// link to /dev/zero (a FIFO, which blocked for good, is run in a process with a deadline in NonRegularInputTests).
    /// </summary>
    [TestCase("missing", "1:1: error: no such file")]
    [TestCase("directory", "1:1: error: is not a regular file (a directory); give the path of a scenario .yaml file")]
    [TestCase("empty", "1:1: error: the file is empty")]
    [TestCase("oversized", "1:1: error: is larger than the 4 MiB limit (4,194,304 bytes)")]
    [TestCase("device", "1:1: error: is not a regular file (a character device)")]
    public void Files_that_cannot_be_read_as_a_scenario_are_refused_at_line_one(string kind, string expect)
    {
        var path = Path.Combine(directory, "input", kind + ".yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (kind == "directory") Directory.CreateDirectory(path);
        if (kind == "empty") File.WriteAllBytes(path, []);
        if (kind == "device") File.CreateSymbolicLink(path, "/dev/zero");
        if (kind == "oversized") File.WriteAllText(path, "name: big\n" + new string('#', ScenarioLoader.MaximumFileBytes - 10) + "\n");
        var results = Path.Combine(directory, "results");
        foreach (var args in new[] { new[] { "validate", path }, ["run", path, "--trials", "1024", "--out", results] })
        {
            var (exitCode, _, error) = Timed(() => CommandLine.Run(args));
            Assert.That(exitCode, Is.EqualTo(2), error);
            ExpectDiagnostic(error, path, expect);
            AssertPlain(error);
        }
        Assert.That(Directory.Exists(results), Is.False);
    }

    private static List<KeyValuePair<string, string>> Header(string path)
    {
        var lines = File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: false)).TrimStart('\uFEFF').Split('\n');
        return lines.TakeWhile(l => HeaderLine().IsMatch(l))
            .Select(l => HeaderLine().Match(l))
            .Select(m => KeyValuePair.Create(m.Groups[1].Value, m.Groups[2].Value.TrimEnd('\r')))
            .ToList();
    }

    private static void ExpectDiagnostic(string error, string path, string expect)
    {
        var expected = expect.StartsWith("--set ", StringComparison.Ordinal) ? expect : $"{path}:{expect}";
        Assert.That(Lines(error), Has.Some.StartsWith(expected), $"expected a line starting with\n{expected}\ngot:\n{error}");
    }

    private static void AssertPlain(string error)
    {
        Assert.That(Lines(error), Has.None.Match(@"^\s+at "), "no stack trace");
        Assert.That(error, Does.Not.Match(@"\b[A-Z]\w*Exception\b"), "no exception type names");
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r'));

    /// <summary>Runs a command and checks it answered promptly: limits are checked before anything large is built.</summary>
    private static (int ExitCode, string Out, string Error) Timed(Func<(int, string, string)> command)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = command();
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "answered promptly");
        return result;
    }

    [GeneratedRegex(@"^# (expect|run): (.*)$")]
    private static partial Regex HeaderLine();
}
