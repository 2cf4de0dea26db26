using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace NorthKoreaShadowWar.Benchmarks;

/// <summary>
/// Three warm-up and five measured iterations in one process, so the whole suite runs in a few minutes; the
/// ns/machine-step and bytes-per-trial columns.
/// </summary>
public sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5));
        AddColumn(new NanosecondsPerMachineStepColumn(), new BytesPerTrialColumn());
    }
}
