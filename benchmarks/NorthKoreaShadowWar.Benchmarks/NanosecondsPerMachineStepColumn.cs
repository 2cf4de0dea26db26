using System.Collections.Concurrent;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NorthKoreaShadowWar.Benchmarks;

/// <summary>The mean time of one operation divided by the machine-steps it simulates.</summary>
public sealed class NanosecondsPerMachineStepColumn : IColumn
{
    private static readonly ConcurrentDictionary<string, long> StepsByScenario = new();

    public string Id => nameof(NanosecondsPerMachineStepColumn);
    public string ColumnName => "ns/machine-step";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Mean time per operation divided by the machine-steps it simulates (one machine moving one step)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is null) return "NA";
        var scenario = (string)benchmarkCase.Parameters["Scenario"];
        var trials = (int)benchmarkCase.Parameters["Trials"];
        // The reference simulator runs every step of every trial; the kernel stops a trial once nothing can change.
        var everyStep = benchmarkCase.Descriptor.Type == typeof(ReferenceBenchmarks);
        var steps = StepsByScenario.GetOrAdd($"{scenario}/{trials}/{everyStep}", _ => everyStep
            ? BenchmarkScenarios.EveryMachineStep(scenario, trials)
            : BenchmarkScenarios.MachineSteps(scenario, trials));
        return (report.ResultStatistics.Mean / steps).ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
