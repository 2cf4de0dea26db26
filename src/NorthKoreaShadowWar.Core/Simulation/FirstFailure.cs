using System.Runtime.ExceptionServices;
using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// The scenario error a run on several threads reports: the first in trial order, whatever the thread count. Trials
/// run in blocks, each block's in order, so a block's first error is its first failing trial. A block records its
/// error here; blocks after a failed one stop (<see cref="Skips"/>), while blocks before it still run to the end,
/// since one of them may fail at an earlier trial. When all have stopped, <see cref="ThrowIfAny"/> throws the error of
/// the lowest failed block.
/// </summary>
internal sealed class FirstFailure
{
    private readonly Lock gate = new();
    private int lowestBlock = int.MaxValue;
    private SimulationException? error;

    /// <summary>Whether block <paramref name="block"/> need not run (or go on): an earlier block has failed.</summary>
    public bool Skips(int block) => block > Volatile.Read(ref lowestBlock);

    /// <summary>Records that block <paramref name="block"/> failed with <paramref name="failure"/>.</summary>
    public void Record(int block, SimulationException failure)
    {
        lock (gate)
        {
            if (block >= lowestBlock) return;
            error = failure;
            Volatile.Write(ref lowestBlock, block);
        }
    }

    /// <summary>Throws the error of the lowest failed block, if any block failed.</summary>
    public void ThrowIfAny()
    {
        if (error is not null) ExceptionDispatchInfo.Capture(error).Throw();
    }
}
