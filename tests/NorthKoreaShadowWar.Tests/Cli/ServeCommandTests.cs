using System.Net;
using NorthKoreaShadowWar.Cli.Commands;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Cli;

/// <summary><c>shadowwar serve</c>'s options: loopback by default, a warning beyond it, scenario files from one folder, sane limits.</summary>
public class ServeCommandTests
{
    private static string Baseline => Path.Combine(Paths.Scenarios, "baseline.yaml");

    private static ServeCommand.Request Request(string? file = null, string host = "127.0.0.1", string? scenarios = null, long trials = 4096, long maxTrials = 102_400) =>
        new(file ?? Baseline, 0, host, scenarios, trials, maxTrials, 1_048_576);

    [Test]
    public void By_default_it_serves_loopback_only_from_the_folder_of_the_file_without_a_warning()
    {
        var options = ServeCommand.Options(Request(), out var problem)!;
        Assert.Multiple(() =>
        {
            Assert.That(problem, Is.Null);
            Assert.That(options.Address, Is.EqualTo(IPAddress.Loopback));
            Assert.That(options.LoopbackOnly, Is.True);
            Assert.That(options.DefaultScenario, Is.EqualTo("baseline.yaml"));
            Assert.That(options.Scenarios.Root, Is.EqualTo(new DirectoryInfo(Paths.Scenarios).FullName));
            Assert.That(ServeCommand.Warning(options), Is.Null);
        });
    }

    [TestCase("0.0.0.0")]
    [TestCase("::")]
    public void Listening_beyond_loopback_prints_a_warning(string host)
    {
        var options = ServeCommand.Options(Request(host: host), out _)!;
        Assert.That(ServeCommand.Warning(options), Does.Contain("warning: listening on").And.Contain("beyond this machine"));
    }

    [Test]
    public void Trials_are_rounded_up_to_whole_blocks()
    {
        var options = ServeCommand.Options(Request(trials: 3000), out _)!;
        Assert.That(options.DefaultTrials, Is.EqualTo(3072));
    }

    [Test]
    public void A_file_outside_the_scenario_folder_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("shadowwar-serve-").FullName;
        try
        {
            ServeCommand.Options(Request(scenarios: folder), out var problem);
            Assert.That(problem, Does.Contain("is not in the scenario folder"));
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [TestCase("--host", "example.org", "--host must be an IP address")]
    [TestCase("--port", "70000", "--port must be between 0 and 65535")]
    [TestCase("--trials", "0", "--trials must be between 1 and --max-trials")]
    [TestCase("--scenarios", "/no/such/folder", "does not exist")]
    public void Bad_options_exit_with_2_before_anything_listens(string option, string value, string message)
    {
        var (exitCode, _, error) = CommandLine.Run("serve", Baseline, option, value);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(error, Does.Contain("shadowwar serve: ").And.Contain(message));
        });
    }

    [Test]
    public void Evidence_given_is_named_by_its_place_in_the_scenario_folder_or_else_by_its_file_name()
    {
        var outside = Directory.CreateTempSubdirectory("shadowwar-serve-").FullName;
        try
        {
            var other = Path.Combine(outside, "news.yaml");
            File.WriteAllText(other, "as_of: 0\nobservations: []\n");
            var bundled = Path.Combine(Paths.Scenarios, "evidence", "2024-12-31.yaml");
            var options = ServeCommand.Options(Request() with { Evidence = [bundled, other, bundled] }, out var problem);
            Assert.That(problem, Is.Null);
            Assert.That(options!.Evidence.Select(e => e.Name), Is.EqualTo(new[] { "evidence/2024-12-31.yaml", "news.yaml" }), "the same file twice is offered once");
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Test]
    public void Two_evidence_files_that_would_be_offered_under_one_name_are_refused()
    {
        var one = Directory.CreateTempSubdirectory("shadowwar-serve-").FullName;
        var two = Directory.CreateTempSubdirectory("shadowwar-serve-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(one, "news.yaml"), "as_of: 0\n");
            File.WriteAllText(Path.Combine(two, "news.yaml"), "as_of: 0\n");
            ServeCommand.Options(Request() with { Evidence = [Path.Combine(one, "news.yaml"), Path.Combine(two, "news.yaml")] }, out var problem);
            Assert.That(problem, Does.StartWith("--evidence: ").And.Contain("would both be offered as 'news.yaml'"));
        }
        finally
        {
            Directory.Delete(one, recursive: true);
            Directory.Delete(two, recursive: true);
        }
    }

    [Test]
    public void Missing_evidence_exits_with_2_before_anything_listens()
    {
        var (exitCode, _, error) = CommandLine.Run("serve", Baseline, "--port", "0", "--evidence", "/no/such/evidence.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(error, Does.Contain("shadowwar serve: --evidence: no file /no/such/evidence.yaml"));
        });
    }

    [Test]
    public void Evidence_that_does_not_fit_the_scenario_prints_its_diagnostics_and_exits_with_2()
    {
        var folder = Directory.CreateTempSubdirectory("shadowwar-serve-").FullName;
        try
        {
            var evidence = Path.Combine(folder, "news.yaml");
            File.WriteAllText(evidence, "as_of: 3\nobservations:\n  - { source: press, holds: \"deploymnet == Combat\", at: 2 }\n");
            var (exitCode, _, error) = CommandLine.Run("serve", Baseline, "--port", "0", "--evidence", evidence);
            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(2));
                Assert.That(error, Does.Contain($"{evidence}:3:").And.Contain("error:").And.Contain("deploymnet"));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void An_invalid_scenario_file_prints_its_diagnostics_and_exits_with_2()
    {
        var folder = Directory.CreateTempSubdirectory("shadowwar-serve-").FullName;
        try
        {
            var file = Path.Combine(folder, "broken.yaml");
            File.WriteAllText(file, "name: broken\nhorizon: 0\n");
            var (exitCode, _, error) = CommandLine.Run("serve", file, "--port", "0");
            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(2));
                Assert.That(error, Does.Contain("broken.yaml:").And.Contain("error:"));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
