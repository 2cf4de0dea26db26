using NorthKoreaShadowWar.Reference;

namespace NorthKoreaShadowWar.Tests.Reference;

/// <summary>Runs scenario text through the pipeline and then the reference simulator.</summary>
internal static class ReferenceRun
{
    public static ReferenceResult Text(string yaml, long trials, int seed = 1) =>
        ReferenceSimulator.Run(ScenarioPipeline.PrepareText(yaml, "test.yaml").Model.Scenario, trials, seed);

    public static ReferenceProbability Probability(this ReferenceResult result, string name) => (ReferenceProbability)result.Outcome(name);

    public static ReferenceDistribution Distribution(this ReferenceResult result, string name) => (ReferenceDistribution)result.Outcome(name);

    public static ReferenceCategorical Categorical(this ReferenceResult result, string name) => (ReferenceCategorical)result.Outcome(name);
}
