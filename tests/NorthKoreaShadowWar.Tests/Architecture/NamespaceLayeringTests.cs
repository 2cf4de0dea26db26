using System.Globalization;
using System.Text;
using NorthKoreaShadowWar.Cli;

namespace NorthKoreaShadowWar.Tests.Architecture;

/// <summary>
/// Data flows one way through the product (docs/architecture.md): no namespace of the core library or of the command
/// line may depend, directly or through others, on a namespace that depends on it. Read from the compiled assemblies,
/// so a dependency counts whether it comes from a <c>using</c>, a full name, a parent namespace or a method body.
/// </summary>
public class NamespaceLayeringTests
{
    private const string Root = "NorthKoreaShadowWar";

    private static NamespaceGraph ProductGraph() =>
        NamespaceGraph.Read(Root, [typeof(ScenarioPipeline).Assembly.Location, typeof(Program).Assembly.Location]);

    [Test]
    public void NoNamespaceOfTheProductDependsOnItselfThroughOthers()
    {
        var graph = ProductGraph();
        var cycles = NamespaceCycles.Of(graph.Uses);
        TestContext.Out.WriteLine(Describe(graph, cycles));
        Assert.That(cycles, Is.Empty, () => Describe(graph, cycles));
    }

    [Test]
    public void TheGraphSeesDependenciesFromSignaturesBodiesAndParentNamespaces()
    {
        var uses = ProductGraph().Uses;
        Assert.Multiple(() =>
        {
            Assert.That(uses.Keys, Has.Member("NorthKoreaShadowWar.Scenarios.Loading").And.Member("NorthKoreaShadowWar.Cli.Commands"));
            Assert.That(uses["NorthKoreaShadowWar.Simulation"].Keys, Has.Member("NorthKoreaShadowWar.Compilation"));
            Assert.That(uses["NorthKoreaShadowWar.Scenarios.Loading"].Keys, Has.Member("NorthKoreaShadowWar.Scenarios"), "a child namespace uses its parent's types without a using");
            Assert.That(uses["NorthKoreaShadowWar.Cli.Commands"].Keys, Has.Member("NorthKoreaShadowWar.Results"), "across assemblies");
        });
    }

    [Test]
    public void ADependencyBackUpTheFlowIsReportedAsACycle()
    {
        var graph = ProductGraph();
        graph.Add("NorthKoreaShadowWar.Diagnostics.Diagnostic", "NorthKoreaShadowWar.Reporting.HtmlReport");
        var cycles = NamespaceCycles.Of(graph.Uses);
        Assert.That(cycles.SelectMany(c => c), Has.Member("NorthKoreaShadowWar.Diagnostics").And.Member("NorthKoreaShadowWar.Reporting"));
        Assert.That(Describe(graph, cycles), Does.Contain("NorthKoreaShadowWar.Diagnostics.Diagnostic uses NorthKoreaShadowWar.Reporting.HtmlReport"));
    }

    private static string Describe(NamespaceGraph graph, IReadOnlyList<IReadOnlyList<string>> cycles)
    {
        var text = new StringBuilder();
        if (cycles.Count > 0)
            text.AppendLine("namespaces that depend on each other (each must only use namespaces further down the flow):");
        foreach (var cycle in cycles)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  cycle: {string.Join(" <-> ", cycle)}");
            foreach (var from in cycle)
                foreach (var (to, example) in graph.Uses[from].Where(use => cycle.Contains(use.Key)))
                    text.AppendLine(CultureInfo.InvariantCulture, $"    {from} -> {to}  ({example})");
        }
        text.AppendLine("all namespaces found and the namespaces each depends on:");
        foreach (var (from, targets) in graph.Uses)
            text.AppendLine(CultureInfo.InvariantCulture, $"  {from} -> {(targets.Count == 0 ? "(nothing)" : string.Join(", ", targets.Keys))}");
        return text.ToString();
    }
}
