using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Diagrams;

public class GraphCommandTests
{
    private static string Baseline => Path.Combine(Paths.Scenarios, "baseline.yaml");

    private string directory = "";

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("shadowwar-graph-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void Dot_prints_one_graph_per_machine_and_exits_zero()
    {
        var (exitCode, output, error) = CommandLine.Run("graph", Baseline, "--format", "dot");
        var machines = ScenarioPipeline.Prepare(Baseline).Model.Scenario.Machines;
        var lines = output.Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(0), error);
            Assert.That(lines.Where(l => l.StartsWith("// machine: ", StringComparison.Ordinal)),
                Is.EqualTo(machines.Select(m => $"// machine: {m.Name}")));
            Assert.That(lines.Count(l => l == "digraph {"), Is.EqualTo(machines.Count));
            Assert.That(output, Does.Contain("\"IndirectLethal\" -> \"NonLethal\" [style=\"solid\", label=\"p = sk_rollback [deployment == Withdrawn]\"];"));
        });
    }

    [Test]
    public void Mermaid_is_the_default_format()
    {
        var (exitCode, output, error) = CommandLine.Run("graph", Baseline);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(0), error);
            Assert.That(output, Does.StartWith("%% machine: deployment\nstateDiagram-v2\n"));
            Assert.That(output, Does.Contain("%% machine: sk_aid\nstateDiagram-v2\n"));
            Assert.That(output, Does.Not.Contain("digraph"));
        });
    }

    [Test]
    public void A_variant_is_applied()
    {
        var (exitCode, output, error) = CommandLine.Run("graph", Baseline, "--variant", "tech_transfer", "--format", "mermaid");
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(0), error);
            Assert.That(output, Does.Contain("%% machine: reciprocity"));
        });
    }

    [Test]
    public void An_unknown_format_exits_2()
    {
        var (exitCode, output, error) = CommandLine.Run("graph", Baseline, "--format", "svg");
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(output, Is.Empty);
            Assert.That(error, Does.Contain("--format must be mermaid or dot, got 'svg'"));
        });
    }

    [Test]
    public void A_missing_file_or_an_unknown_variant_exits_2()
    {
        var missing = CommandLine.Run("graph", Path.Combine(directory, "missing.yaml"));
        var variant = CommandLine.Run("graph", Baseline, "--variant", "no_such_variant");
        Assert.Multiple(() =>
        {
            Assert.That(missing.ExitCode, Is.EqualTo(2));
            Assert.That(missing.Error, Does.Contain("missing.yaml"));
            Assert.That(variant.ExitCode, Is.EqualTo(2));
            Assert.That(variant.Error, Does.Contain("no_such_variant"));
        });
    }

    [Test]
    public void A_file_with_errors_prints_them_and_exits_2()
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
                  - { from: X, to: Z, p: 0.1 }
            """);
        var (exitCode, output, error) = CommandLine.Run("graph", path, "--format", "dot");
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(output, Is.Empty);
            Assert.That(error, Does.Contain("bad.yaml:8:"));
            Assert.That(error, Does.Not.Contain("   at "));
        });
    }
}
