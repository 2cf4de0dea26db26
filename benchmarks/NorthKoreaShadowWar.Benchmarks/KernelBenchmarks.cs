using BenchmarkDotNet.Attributes;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Benchmarks;

/// <summary>
/// The hot loop alone, one thread: a fixed set of trials through <see cref="TrialSimulator"/>, on ref4x6
/// (compare with the C reference, <c>benchmarks/compare-with-c.sh</c>) and on the baseline.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortRunConfig))]
public class KernelBenchmarks
{
    private TrialSimulator simulator = null!;
    private double[] values = [];
    private double[] secondValues = [];

    [Params("bench/ref4x6.yaml", "baseline.yaml")]
    public string Scenario { get; set; } = "";

    [Params(4096)]
    public int Trials { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        CompiledModel model = BenchmarkScenarios.Load(Scenario);
        simulator = new TrialSimulator(model, seed: 1);
        values = new double[model.ValuePrograms.Length];
        secondValues = new double[model.ValuePrograms.Length];
    }

    /// <summary>The same trials every time, so every operation simulates the same machine-steps.</summary>
    [Benchmark]
    public void OneThread() => Program.RunTrials(simulator, Trials, values, secondValues);
}
