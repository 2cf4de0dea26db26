using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NorthKoreaShadowWar.Reference;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Benchmarks;

/// <summary>
/// The same model as <see cref="KernelBenchmarks"/> (ref4x6, loaded from its YAML file) through the reference
/// simulator, whose machines are Stateless state machines firing a trigger per transition taken: the loop a
/// straightforward implementation with a state-machine library would run. It simulates every step of every trial
/// (no trial stops early), so its ns/machine-step divides by trials x horizon x machines.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortRunConfig))]
public class ReferenceBenchmarks
{
    private ResolvedScenario scenario = null!;

    [Params("bench/ref4x6.yaml")]
    public string Scenario { get; set; } = "";

    [Params(256)]
    public int Trials { get; set; }

    [GlobalSetup]
    public void Setup() => scenario = BenchmarkScenarios.Load(Scenario).Scenario;

    // Returned, as object since its type is internal to the core, so that BenchmarkDotNet consumes the result.
    [Benchmark]
    public object Stateless() => ReferenceSimulator.Run(scenario, Trials, seed: 1);
}
