using System.Runtime.ExceptionServices;
using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/> for trial loops: a scenario error raised on a
/// worker thread reaches the caller as the <see cref="SimulationException"/> it is, not wrapped in
/// <see cref="AggregateException"/>s, so the command line can report it plainly.
/// </summary>
internal static class ParallelTrials
{
    public static void For(int count, int threads, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, body);
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.FirstOrDefault(x => x is SimulationException) is { } inner)
        {
            ExceptionDispatchInfo.Capture(inner).Throw();
            throw;
        }
    }
}
