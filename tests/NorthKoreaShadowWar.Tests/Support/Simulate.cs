using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Tests.Support;

/// <summary>Runs scenario text through the whole pipeline and returns its results.</summary>
internal static class Simulate
{
    public static RunResult Text(string yaml, long trials, ulong seed = 1, int threads = 2, string? variant = null, params string[] overrides) =>
        Text(yaml, trials, generatedCode: null, seed, threads, variant, overrides);

    /// <summary>As <see cref="Text(string, long, ulong, int, string?, string[])"/>, with the per-step code generated or interpreted (null: the default).</summary>
    public static RunResult Text(string yaml, long trials, bool? generatedCode, ulong seed = 1, int threads = 2, string? variant = null, params string[] overrides)
    {
        var prepared = ScenarioPipeline.PrepareText(yaml, "test.yaml", variant, overrides);
        return ResultsBuilder.Build(MonteCarloRunner.Run(prepared.Model,
            new RunSettings { Trials = trials, Seed = seed, Threads = threads, GeneratedCode = generatedCode }));
    }

    public static RunResult File(string path, long trials, ulong seed = 1, int threads = 2, string? variant = null)
    {
        var prepared = ScenarioPipeline.Prepare(path, variant);
        return ResultsBuilder.Build(MonteCarloRunner.Run(prepared.Model, new RunSettings { Trials = trials, Seed = seed, Threads = threads }));
    }

    public static ProbabilityResult Probability(this RunResult result, string name) => (ProbabilityResult)Find(result, name);

    public static DistributionResult Distribution(this RunResult result, string name) => (DistributionResult)Find(result, name);

    public static CategoricalResult Categorical(this RunResult result, string name) => (CategoricalResult)Find(result, name);

    public static double Share(this RunResult result, string machine, string state, int step) =>
        result.Occupancy.Single(m => m.Machine == machine).States.Single(s => s.State == state).Shares[step];

    private static OutcomeResult Find(RunResult result, string name) => result.Outcomes.Single(o => o.Name == name);
}
