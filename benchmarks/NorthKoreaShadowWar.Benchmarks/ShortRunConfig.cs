using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace NorthKoreaShadowWar.Benchmarks;

/// <summary>
/// Three warm-up and five measured iterations, in the benchmarks' own process (no generated project to build), so the
/// whole suite runs in a few minutes; the ns/machine-step and bytes-per-trial columns.
/// </summary>
public sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance));
        AddColumn(new NanosecondsPerMachineStepColumn(), new BytesPerTrialColumn());
    }
}
