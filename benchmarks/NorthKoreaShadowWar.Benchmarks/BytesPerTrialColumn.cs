using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NorthKoreaShadowWar.Benchmarks;

/// <summary>
/// Bytes allocated per operation (MemoryDiagnoser) divided by the trials the operation runs: 0 when the steady state
/// allocates nothing per trial, whatever the operation allocates once (a run's result, for instance) shows as a fraction.
/// </summary>
public sealed class BytesPerTrialColumn : IColumn
{
    public string Id => nameof(BytesPerTrialColumn);
    public string ColumnName => "B/trial";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 1;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Bytes allocated per operation divided by the trials it runs";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report is null || !report.Success) return "NA";
        var bytes = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        if (bytes is null) return "NA";
        var trials = (int)benchmarkCase.Parameters["Trials"];
        return ((double)bytes.Value / trials).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
