using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Updating;

/// <summary>
/// Runs blocks of particles by importance weighting: every particle is a trial of the scenario drawn from the prior
/// (trial number block × <see cref="UpdateSettings.BlockSize"/> + i, with that trial's own random streams), weighted
/// by the likelihood of the whole evidence along its path. Blocks run on several threads and are returned in block
/// order, so nothing depends on the thread count.
/// </summary>
internal static class ParticleBlockRunner
{
    public static ParticleBlock[] Run(CompiledModel model, EvidenceFile evidence, ulong seed, int firstBlock, int blockCount, int threads,
        CancellationToken cancellation = default) =>
        InParallel<ParticleBlock>(firstBlock, blockCount, threads, () =>
        {
            var simulator = new TrialSimulator(model, seed);
            var tracker = new TrialEvidence(model, evidence);
            return block => RunBlock(model, simulator, tracker, block);
        }, cancellation);

    /// <summary>
    /// Runs blocks <paramref name="firstBlock"/> .. + <paramref name="blockCount"/> − 1 on up to <paramref name="threads"/>
    /// threads, each with a worker from <paramref name="createWorker"/>; returns them in block order. Once
    /// <paramref name="cancellation"/> is cancelled no further block starts, and the call throws when the running ones end.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    internal static T[] InParallel<T>(int firstBlock, int blockCount, int threads, Func<Func<int, T>> createWorker,
        CancellationToken cancellation = default)
    {
        var blocks = new T[blockCount];
        var nextBlock = -1;
        var workers = Math.Clamp(threads, 1, Math.Max(1, blockCount));
        ParallelTrials.For(workers, workers, _ =>
        {
            var worker = createWorker();
            int block;
            while (!cancellation.IsCancellationRequested && (block = Interlocked.Increment(ref nextBlock)) < blockCount)
                blocks[block] = worker(firstBlock + block);
        });
        cancellation.ThrowIfCancellationRequested();
        return blocks;
    }

    private static ParticleBlock RunBlock(CompiledModel model, TrialSimulator simulator, TrialEvidence tracker, int block)
    {
        const int size = UpdateSettings.BlockSize;
        var outcomeCount = model.Scenario.Outcomes.Count;
        var randomParameters = model.RandomParameters;
        var eventCount = tracker.EventOpen.Length;
        var logWeights = new double[size];
        var outcomes = new float[size * outcomeCount];
        var parameters = new float[size * randomParameters.Length];
        var open = new byte[size * eventCount];
        var total = model.TotalStates;
        var weighted = new double[(model.Horizon + 1) * total];
        var counts = new long[weighted.Length];
        // Weights are added to the weighted occupancy relative to the largest log weight so far, rescaled when it grows.
        var max = double.NegativeInfinity;
        var lastKiller = -1;
        Span<double> values = stackalloc double[model.ValuePrograms.Length];
        Span<double> read = stackalloc double[outcomeCount];
        for (var i = 0; i < size; i++)
        {
            simulator.Run((long)block * size + i, values, tracker);
            tracker.Finish();
            simulator.ReadOutcomes(values, read);
            logWeights[i] = tracker.LogLikelihood;
            lastKiller = Math.Max(lastKiller, tracker.Killer);
            for (var o = 0; o < outcomeCount; o++) outcomes[i * outcomeCount + o] = (float)read[o];
            for (var p = 0; p < randomParameters.Length; p++) parameters[i * randomParameters.Length + p] = (float)tracker.Parameters[randomParameters[p]];
            for (var e = 0; e < eventCount; e++) open[i * eventCount + e] = tracker.EventOpen[e] ? (byte)1 : (byte)0;
            var logWeight = logWeights[i];
            if (logWeight > max)
            {
                if (!double.IsNegativeInfinity(max))
                {
                    var scale = Math.Exp(max - logWeight);
                    for (var c = 0; c < weighted.Length; c++) weighted[c] *= scale;
                }
                max = logWeight;
            }
            AddOccupancy(model, tracker.History, double.IsNegativeInfinity(logWeight) ? 0 : Math.Exp(logWeight - max), weighted, counts);
        }
        var weights = new double[size];
        if (!double.IsNegativeInfinity(max))
            for (var i = 0; i < size; i++) weights[i] = Math.Exp(logWeights[i] - max);
        return new ParticleBlock
        {
            Index = block, MaxLogWeight = max, Weights = weights, Outcomes = outcomes, Parameters = parameters, OpenEvents = open,
            WeightedOccupancy = weighted, Occupancy = counts, LastKiller = lastKiller,
            DistinctOrigins = weights.Count(w => w > 0),
        };
    }

    internal static void AddOccupancy(CompiledModel model, int[] history, double weight, double[] weighted, long[] counts)
    {
        var machines = model.MachineCount;
        var total = model.TotalStates;
        for (var t = 0; t <= model.Horizon; t++)
        {
            for (var m = 0; m < machines; m++)
            {
                var cell = t * total + model.StateOffset[m] + history[t * machines + m];
                counts[cell]++;
                weighted[cell] += weight;
            }
        }
    }
}
