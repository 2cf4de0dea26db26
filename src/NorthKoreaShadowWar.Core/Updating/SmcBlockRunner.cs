using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Updating;

/// <summary>
/// Sequential Monte Carlo in independent blocks (see docs/updating.md). A block's particles start as trials drawn from
/// the prior (trial number block × <see cref="UpdateSettings.BlockSize"/> + i, parameters from that trial's streams) and
/// are stepped from one observation step to the next; at each, their weights are multiplied by the likelihood of the
/// observations of that step, the block's estimate of the evidence's likelihood Z_b by the mean weight, and when the
/// block's effective sample size falls below half the block, it is resampled (systematically, with the block's own
/// stream). Every particle draws its transitions of generation g (the stretch after the g-th observation step) from a
/// stream of (seed, its number, g), so copies of one particle go on differently. With moves (<see cref="UpdateSettings.Moves"/>),
/// every resampling (also at the last observation) is followed by that many sweeps of a Metropolis–Hastings move of every
/// particle's parameters and path (SmcBlockRunner.Moves.cs). Nothing depends on threads.
/// </summary>
internal sealed partial class SmcBlockRunner
{
    private const int Size = UpdateSettings.BlockSize;
    private readonly CompiledModel model;
    private readonly ulong seed;
    private readonly TrialSimulator simulator;
    private readonly TrialEvidence tracker;
    /// <summary>The steps at which the block stops: every observation step, then the horizon.</summary>
    private readonly int[] stops;
    private readonly int lastObservation;
    private TrialSnapshot[] trials = New<TrialSnapshot>();
    private TrialSnapshot[] spareTrials = New<TrialSnapshot>();
    private EvidenceSnapshot[] evidence = New<EvidenceSnapshot>();
    private EvidenceSnapshot[] spareEvidence = New<EvidenceSnapshot>();
    private int[][] histories;
    private int[][] spareHistories;
    private readonly double[] logWeights = new double[Size];
    private readonly double[] values;
    /// <summary>The trial each particle's parameters were drawn in, or a number of its own (below 0) given by a move.</summary>
    private long[] origins = new long[Size];
    private long[] spareOrigins = new long[Size];

    private SmcBlockRunner(CompiledModel model, EvidenceFile file, ulong seed, int moves)
    {
        this.model = model;
        this.seed = seed;
        this.moves = moves;
        simulator = new TrialSimulator(model, seed);
        tracker = new TrialEvidence(model, file);
        lastObservation = tracker.Ordered.Max(o => o.Step);
        stops = [.. tracker.Ordered.Select(o => o.Step).Distinct().Order().Append(model.Horizon).Distinct()];
        histories = Enumerable.Range(0, Size).Select(_ => new int[TrialEvidence.HistoryLength(model)]).ToArray();
        spareHistories = Enumerable.Range(0, Size).Select(_ => new int[TrialEvidence.HistoryLength(model)]).ToArray();
        values = new double[model.ValuePrograms.Length];
        latentParameters = new LatentParameters(model);
        if (moves > 0) PrepareMoves();
    }

    /// <summary>Runs blocks <paramref name="firstBlock"/> .. + <paramref name="blockCount"/> − 1, in block order.</summary>
    public static ParticleBlock[] Run(CompiledModel model, EvidenceFile evidence, ulong seed, int moves, int firstBlock, int blockCount, int threads,
        CancellationToken cancellation = default) =>
        ParticleBlockRunner.InParallel<ParticleBlock>(firstBlock, blockCount, threads, () => new SmcBlockRunner(model, evidence, seed, moves).RunBlock, cancellation);

    private static T[] New<T>() where T : new() => Enumerable.Range(0, Size).Select(_ => new T()).ToArray();

    private ParticleBlock RunBlock(int block)
    {
        var first = (long)block * Size;
        movesProposed = movesAccepted = 0;
        for (var i = 0; i < Size; i++)
        {
            origins[i] = first + i;
            if (moves > 0) DrawLatent(first + i, i);
            tracker.History = histories[i];
            simulator.Start(first + i, values, tracker);
            simulator.Save(trials[i], values);
            tracker.Save(evidence[i]);
        }
        Array.Clear(logWeights);
        var logEvidence = 0.0;
        var killer = -1;
        for (var generation = 0; generation < stops.Length; generation++)
        {
            var stop = stops[generation];
            for (var i = 0; i < Size; i++)
            {
                // The observations of step 0 are weighed when the trial starts: before them the log likelihood is 0.
                var before = generation == 0 ? 0 : evidence[i].LogLikelihood;
                if (double.IsNegativeInfinity(logWeights[i])) continue;
                Resume(i);
                simulator.Continue(stop, RandomStreams.For(seed, first + i, RandomStreams.ForGeneration(generation)), values, tracker);
                tracker.CatchUp(stop);
                simulator.Save(trials[i], values);
                tracker.Save(evidence[i]);
                logWeights[i] += tracker.LogLikelihood - before;
                if (tracker.Killer >= 0) killer = Math.Max(killer, tracker.Killer);
            }
            // Weights are kept with mean 1: the mean after this step's likelihoods is this step's factor of Z_b.
            var max = logWeights.Max();
            if (double.IsNegativeInfinity(max)) return Dead(block, killer);
            var mean = 0.0;
            foreach (var w in logWeights) mean += Math.Exp(w - max);
            var logMean = max + Math.Log(mean / Size);
            logEvidence += logMean;
            for (var i = 0; i < Size; i++) logWeights[i] -= logMean;
            // Resampling after the last observation would only add noise: the weights are kept instead. With moves, the
            // last observation is resampled too, for the moves to spread the parameters drawn few times over.
            if ((stop < lastObservation || (moves > 0 && stop == lastObservation)) && EffectiveSize() < Size / 2.0)
            {
                Resample(block, generation);
                if (moves > 0) Move(block, generation, stop);
            }
        }
        return Finish(block, logEvidence, killer);
    }

    private void Resume(int i)
    {
        tracker.History = histories[i];
        simulator.Restore(trials[i], values);
        tracker.Restore(evidence[i]);
    }

    private double EffectiveSize()
    {
        double sum = 0, squares = 0;
        foreach (var lw in logWeights)
        {
            var w = Math.Exp(lw);
            sum += w;
            squares += w * w;
        }
        return sum * sum / squares;
    }

    /// <summary>Systematic resampling: one uniform u from the block's stream, ancestors at the weights' cumulative sums passing (u + j) / n.</summary>
    private void Resample(int block, int generation)
    {
        var random = RandomStreams.For(seed, (long)block * 65_536 + generation, RandomStreams.Resampling);
        var u = random.NextDouble();
        var total = 0.0;
        foreach (var lw in logWeights) total += Math.Exp(lw);
        var cumulative = 0.0;
        var ancestor = 0;
        for (var j = 0; j < Size; j++)
        {
            var position = (u + j) / Size * total;
            while (ancestor < Size - 1 && cumulative + Math.Exp(logWeights[ancestor]) <= position) cumulative += Math.Exp(logWeights[ancestor++]);
            spareTrials[j].CopyFrom(trials[ancestor]);
            spareEvidence[j].CopyFrom(evidence[ancestor]);
            histories[ancestor].CopyTo(spareHistories[j], 0);
            spareOrigins[j] = origins[ancestor];
            if (moves > 0) CopyLatent(ancestor, j);
        }
        (origins, spareOrigins) = (spareOrigins, origins);
        if (moves > 0) SwapLatent();
        (trials, spareTrials) = (spareTrials, trials);
        (evidence, spareEvidence) = (spareEvidence, evidence);
        (histories, spareHistories) = (spareHistories, histories);
        Array.Clear(logWeights);
    }

    private ParticleBlock Finish(int block, double logEvidence, int killer)
    {
        var outcomeCount = model.Scenario.Outcomes.Count;
        var randomParameters = model.RandomParameters;
        var eventCount = tracker.EventOpen.Length;
        var outcomes = new float[Size * outcomeCount];
        var parameters = new float[Size * randomParameters.Length];
        var open = new byte[Size * eventCount];
        var weighted = new double[(model.Horizon + 1) * model.TotalStates];
        var counts = new long[weighted.Length];
        var max = logWeights.Max();
        var weights = logWeights.Select(w => Math.Exp(w - max)).ToArray();
        Span<double> read = stackalloc double[outcomeCount];
        for (var i = 0; i < Size; i++)
        {
            Resume(i);
            tracker.Finish();
            simulator.Finish(values);
            simulator.ReadOutcomes(values, read);
            for (var o = 0; o < outcomeCount; o++) outcomes[i * outcomeCount + o] = (float)read[o];
            for (var p = 0; p < randomParameters.Length; p++) parameters[i * randomParameters.Length + p] = (float)tracker.Parameters[randomParameters[p]];
            for (var e = 0; e < eventCount; e++) open[i * eventCount + e] = tracker.EventOpen[e] ? (byte)1 : (byte)0;
            ParticleBlockRunner.AddOccupancy(model, histories[i], weights[i], weighted, counts);
        }
        return new ParticleBlock
        {
            // Particle i's weight is Z_b × w_i with the w_i of mean 1, so that the block's mean weight is Z_b.
            Index = block, MaxLogWeight = logEvidence + max, Weights = weights, Outcomes = outcomes, Parameters = parameters, OpenEvents = open,
            WeightedOccupancy = weighted, Occupancy = counts, LastKiller = killer,
            DistinctOrigins = origins.Where((_, i) => weights[i] > 0).Distinct().Count(),
            MovesProposed = movesProposed, MovesAccepted = movesAccepted,
        };
    }

    private ParticleBlock Dead(int block, int killer)
    {
        var size = (model.Horizon + 1) * model.TotalStates;
        return new ParticleBlock
        {
            Index = block, MaxLogWeight = double.NegativeInfinity, Weights = new double[Size],
            Outcomes = new float[Size * model.Scenario.Outcomes.Count], Parameters = new float[Size * model.RandomParameters.Length],
            OpenEvents = new byte[Size * tracker.EventOpen.Length], WeightedOccupancy = new double[size], Occupancy = new long[size], LastKiller = killer,
            DistinctOrigins = 0,
        };
    }
}
