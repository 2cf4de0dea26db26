using NorthKoreaShadowWar.Tests.Reference;

namespace NorthKoreaShadowWar.Tests.Semantics;

/// <summary>The reference simulator (docs/scenario-format.md, "The reference simulator"): it runs every model.</summary>
internal sealed class ReferenceEngine : ISemanticsEngine
{
    public string Name => "reference simulator";

    public string? CannotRun(StepRule rule) => null;

    public void AssertCannotRun(string yaml) => Assert.Fail($"the {Name} runs every model");

    public IAnswer Run(string yaml, long trials, int seed) => new ReferenceAnswer(ReferenceRun.Text(yaml, trials, seed));
}
