using System.Text.RegularExpressions;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Cli;

public class ValidateCommandTests
{
    private string directory = "";

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("shadowwar-validate-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void A_valid_file_exits_zero()
    {
        var (exitCode, output, _) = CommandLine.Run("validate", Path.Combine(Paths.Scenarios, "baseline.yaml"));
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(0));
            Assert.That(output, Does.Contain("baseline.yaml: ok"));
        });
    }

    [Test]
    public void Every_problem_is_printed_as_file_line_column_with_exit_code_2_and_no_stack_trace()
    {
        var path = Path.Combine(directory, "bad.yaml");
        File.WriteAllText(path, """
            name: bad
            horizon: 10
            machines:
              a:
                initial: X
                states: [X, Y]
                transitions:
                  - { from: X, to: Z, p: rat }
            outcomes:
              o: { reached: a.Q }
            """);
        var (exitCode, _, error) = CommandLine.Run("validate", path);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var problemLines = lines.Where(l => l.Contains(": error: ")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(problemLines, Has.Count.GreaterThanOrEqualTo(3));
            Assert.That(problemLines, Is.All.Match(new Regex(@"^.+bad\.yaml:\d+:\d+: error: .+$")));
            Assert.That(error, Does.Not.Contain("   at "));
            Assert.That(problemLines, Has.Some.Contains("bad.yaml:8:24: error: 'to' 'Z'"));
        });
    }

    [Test]
    public void Several_files_are_all_checked()
    {
        var missing = Path.Combine(directory, "missing.yaml");
        var (exitCode, output, error) = CommandLine.Run("validate", Path.Combine(Paths.Scenarios, "baseline.yaml"), missing);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(output, Does.Contain("baseline.yaml: ok"));
            Assert.That(error, Does.Contain("missing.yaml:1:1: error: no such file"));
        });
    }

    [Test]
    public void An_unknown_option_is_a_usage_error() =>
        Assert.That(CommandLine.Run("validate", "--frobnicate").ExitCode, Is.EqualTo(2));
}
