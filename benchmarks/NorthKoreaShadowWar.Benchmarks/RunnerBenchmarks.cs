using BenchmarkDotNet.Attributes;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Benchmarks;

/// <summary>A whole run (threads, blocks, merging) on 1 and 2 threads.</summary>
[MemoryDiagnoser]
[Config(typeof(ShortRunConfig))]
public class RunnerBenchmarks
{
    private CompiledModel model = null!;

    [Params("bench/ref4x6.yaml", "baseline.yaml")]
    public string Scenario { get; set; } = "";

    [Params(65536)]
    public int Trials { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => model = BenchmarkScenarios.Load(Scenario);

    // Returned, as object since its type is internal to the core, so that BenchmarkDotNet consumes the result.
    [Benchmark]
    public object Run() => MonteCarloRunner.Run(model, new RunSettings { Trials = Trials, Seed = 1, Threads = Threads });
}
