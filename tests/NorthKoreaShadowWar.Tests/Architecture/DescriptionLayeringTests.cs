using NorthKoreaShadowWar.Cli;

namespace NorthKoreaShadowWar.Tests.Architecture;

/// <summary>
/// Describing a scenario (labels, narratives, step names, diagrams, the explorer's outline) lives in one namespace,
/// apart from running it (docs/architecture.md, "Layering"): <c>Description</c> reads the checked scenario and nothing
/// that loads, compiles, runs or reports it, and <c>Tracing</c> tells its paths in Description's words, not the loader's.
/// </summary>
public class DescriptionLayeringTests
{
    private const string Root = "NorthKoreaShadowWar";

    private static readonly string[] WhatDescriptionMayUse =
        [$"{Root}.Scenarios", $"{Root}.Scenarios.Validation", $"{Root}.Expressions", $"{Root}.Diagnostics"];

    private static IReadOnlyDictionary<string, SortedDictionary<string, string>> Uses() =>
        NamespaceGraph.Read(Root, [typeof(ScenarioPipeline).Assembly.Location, typeof(Program).Assembly.Location]).Uses;

    [Test]
    public void DescriptionUsesOnlyTheCheckedScenario()
    {
        var uses = Uses()[$"{Root}.Description"];
        Assert.That(uses.Keys.Except(WhatDescriptionMayUse), Is.Empty,
            () => "Description uses more than the checked scenario: " + string.Join("; ", uses.Where(u => !WhatDescriptionMayUse.Contains(u.Key)).Select(u => u.Value)));
    }

    [Test]
    public void TracingAndDescriptionDoNotReadTheLoader()
    {
        var loader = $"{Root}.Scenarios.Loading";
        var readers = Uses().Where(u => u.Key is $"{Root}.Tracing" or $"{Root}.Description" && u.Value.ContainsKey(loader)).ToList();
        Assert.That(readers.Select(r => r.Key), Is.Empty, () => string.Join("; ", readers.Select(r => r.Value[loader])));
    }
}
