using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Checking;

/// <summary>
/// Whole trials of a scenario and what each shows of every observation (see <see cref="ObservationLikelihood.Seen"/>),
/// with the parameters drawn for it: the sample the checks weigh. Trials run in blocks of
/// <see cref="UpdateSettings.BlockSize"/>, each from its own trials' streams, so the sample is the same on any thread count.
/// </summary>
internal sealed class ObservationSamples
{
    /// <summary>The observations, in file order.</summary>
    public required IReadOnlyList<Observation> Observations { get; init; }
    public required int Count { get; init; }
    /// <summary>Trial i's view of observation k (file order) at i × observations + k.</summary>
    public required double[] Seen { get; init; }
    /// <summary>Trial i's random parameters (in the model's random-parameter order) at i × random parameters + p.</summary>
    public required double[] Parameters { get; init; }
    /// <summary>Trial i's outcomes (as <c>ReadOutcomes</c> gives them) at i × outcomes + o.</summary>
    public required double[] Outcomes { get; init; }
    /// <summary>Trial i's log likelihood of the whole evidence (−∞ when some observation rules it out).</summary>
    public required double[] LogLikelihood { get; init; }

    public int ParameterCount => Parameters.Length / Math.Max(1, Count);

    public int OutcomeCount => Outcomes.Length / Math.Max(1, Count);

    public double Outcome(int trial, int outcome) => Outcomes[trial * OutcomeCount + outcome];

    public double SeenBy(int trial, int observation) => Seen[trial * Observations.Count + observation];

    public double Parameter(int trial, int parameter) => Parameters[trial * ParameterCount + parameter];

    /// <summary>The log likelihood of observation <paramref name="observation"/> in trial <paramref name="trial"/>.</summary>
    public double LogLikelihoodOf(int trial, int observation)
    {
        logLikelihoods ??= Enumerable.Range(0, Seen.Length)
            .Select(c => Math.Log(ObservationLikelihood.FromSeen(Observations[c % Observations.Count], Seen[c]))).ToArray();
        return logLikelihoods[trial * Observations.Count + observation];
    }

    private double[]? logLikelihoods;

    /// <summary>
    /// Runs <paramref name="blocks"/> blocks of trials from trial number <paramref name="firstTrial"/>: drawn from the prior,
    /// or, when <paramref name="parametersFor"/> is given, with the random parameters it gives for the i-th trial of the sample.
    /// </summary>
    public static ObservationSamples Run(CompiledModel model, EvidenceFile evidence, ulong seed, long firstTrial, int blocks, int threads,
        Func<int, double[]>? parametersFor = null)
    {
        const int size = UpdateSettings.BlockSize;
        var count = blocks * size;
        var observations = evidence.Observations;
        var k = observations.Count;
        var randomParameters = model.RandomParameters;
        var seen = new double[(long)count * k];
        var parameters = new double[(long)count * randomParameters.Length];
        var logLikelihood = new double[count];
        var outcomeCount = model.Scenario.Outcomes.Count;
        var outcomes = new double[(long)count * outcomeCount];
        ParticleBlockRunner.InParallel<int>(0, blocks, threads, () =>
        {
            var simulator = new TrialSimulator(model, seed);
            var tracker = new TrialEvidence(model, evidence);
            var fileIndex = tracker.Ordered.Select(o => IndexOf(observations, o)).ToArray();
            var values = new double[model.ValuePrograms.Length];
            var read = new double[outcomeCount];
            return block =>
            {
                for (var j = 0; j < size; j++)
                {
                    var i = block * size + j;
                    if (parametersFor is not null) simulator.FixedParameters = parametersFor(i);
                    simulator.Run(firstTrial + i, values, tracker);
                    tracker.Finish();
                    simulator.ReadOutcomes(values, read);
                    read.CopyTo(outcomes, (long)i * outcomeCount);
                    logLikelihood[i] = tracker.LogLikelihood;
                    for (var o = 0; o < k; o++) seen[(long)i * k + fileIndex[o]] = tracker.Seen[o];
                    for (var p = 0; p < randomParameters.Length; p++) parameters[(long)i * randomParameters.Length + p] = tracker.Parameters[randomParameters[p]];
                }
                return block;
            };
        });
        return new ObservationSamples { Observations = observations, Count = count, Seen = seen, Parameters = parameters, Outcomes = outcomes, LogLikelihood = logLikelihood };
    }

    private static int IndexOf(IReadOnlyList<Observation> observations, Observation observation)
    {
        for (var i = 0; i < observations.Count; i++)
            if (ReferenceEquals(observations[i], observation)) return i;
        throw new InvalidOperationException("observation not in the file");
    }
}
