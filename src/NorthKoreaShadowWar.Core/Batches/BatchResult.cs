using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar.Batches;

/// <summary>The results of every run of a batch, in the batch's order.</summary>
/// <param name="Batch">What was run.</param>
/// <param name="Results">One result per run of <see cref="Batch.Runs"/>, in the same order.</param>
/// <param name="Trials">Trials per run.</param>
/// <param name="Seed">The seed shared by every run.</param>
internal sealed record BatchResult(Batch Batch, IReadOnlyList<RunResult> Results, long Trials, ulong Seed)
{
    /// <summary>Each run with its result.</summary>
    public IEnumerable<(BatchRun Run, RunResult Result)> Pairs => Batch.Runs.Zip(Results);

    /// <summary>The rows of each run's result (<see cref="BatchRow.Of"/>), in run order; every run has the same quantities.</summary>
    public IReadOnlyList<IReadOnlyList<BatchRow>> Rows { get; } = Results.Select(BatchRow.Of).ToList();
}
