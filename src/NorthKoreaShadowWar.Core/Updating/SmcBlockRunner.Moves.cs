using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Updating;

/// <summary>
/// The move step of sequential Monte Carlo (see docs/updating.md, "Moving the parameters"): after a resampling at
/// observation step s, every particle (its latent normals z and its path up to s) is moved by a particle-marginal
/// Metropolis–Hastings step that needs no path probabilities. It proposes z' = z + L ε, L fitted to the block's cloud
/// of z before the move (<see cref="RandomWalkScale"/>), simulates a fresh path from step 0 to s with the parameters z'
/// stands for (initial states drawn afresh too), and accepts the pair with probability
/// min(1, p(z') L_s(path') / (p(z) L_s(path))), p the N(0, I) prior of the normals and L_s the likelihood of the
/// observations up to s. The path is proposed from its own prior given z', so its probability cancels: the move
/// leaves the posterior of (z, path) up to s invariant. Every draw comes from a stream of (seed, the particle's
/// number, the generation, the sweep), so nothing depends on threads.
/// </summary>
internal sealed partial class SmcBlockRunner
{
    private readonly int moves;
    private readonly LatentParameters latentParameters;
    private double[] latent = [];
    private double[] spareLatent = [];
    private double[] parameterValues = [];
    private double[] proposed = [];
    private double[] normals = [];
    private TrialSnapshot proposalTrial = new();
    private EvidenceSnapshot proposalEvidence = new();
    private int[] proposalHistory = [];
    private readonly StreamRandom moveRandom = new();
    private long movesProposed;
    private long movesAccepted;

    /// <summary>With moves, the parameters of every trial the block starts come from latent normals.</summary>
    private void PrepareMoves()
    {
        var d = latentParameters.Count;
        latent = new double[Size * d];
        spareLatent = new double[Size * d];
        parameterValues = new double[d];
        proposed = new double[d];
        normals = new double[d];
        proposalHistory = new int[TrialEvidence.HistoryLength(model)];
        simulator.FixedParameters = parameterValues;
    }

    /// <summary>Draws particle <paramref name="i"/>'s normals from trial <paramref name="trial"/>'s streams and sets the parameters the next trial starts with.</summary>
    private void DrawLatent(long trial, int i)
    {
        var z = latent.AsSpan(i * latentParameters.Count, latentParameters.Count);
        latentParameters.Draw(seed, trial, z);
        latentParameters.ToValues(z, parameterValues);
    }

    private void CopyLatent(int from, int to)
    {
        var d = latentParameters.Count;
        Array.Copy(latent, from * d, spareLatent, to * d, d);
    }

    private void SwapLatent() => (latent, spareLatent) = (spareLatent, latent);

    /// <summary>Runs the move sweeps after the resampling of generation <paramref name="generation"/>, at step <paramref name="stop"/>.</summary>
    private void Move(int block, int generation, int stop)
    {
        var d = latentParameters.Count;
        var first = (long)block * Size;
        var factor = RandomWalkScale.Fit(latent, Size, d);
        for (var sweep = 0; sweep < moves; sweep++)
        {
            for (var i = 0; i < Size; i++)
            {
                var current = latent.AsSpan(i * d, d);
                var logLikelihood = evidence[i].LogLikelihood;
                if (double.IsNegativeInfinity(logLikelihood)) continue;
                moveRandom.Reset(RandomStreams.For(seed, first + i, RandomStreams.ForMove(generation, sweep, path: false)));
                for (var a = 0; a < d; a++) normals[a] = MathNet.Numerics.Distributions.Normal.Sample(moveRandom, 0, 1);
                var logU = Math.Log(moveRandom.NextDouble());
                RandomWalkScale.Step(factor, current, normals, proposed);
                latentParameters.ToValues(proposed, parameterValues);
                tracker.History = proposalHistory;
                // The fresh path starts afresh too: initial states drawn from an initial distribution come from the
                // path's own stream, not the trial's, which always gives the state the particle first started in.
                var path = RandomStreams.For(seed, first + i, RandomStreams.ForMove(generation, sweep, path: true));
                simulator.StartFresh(first + i, ref path, values, tracker);
                simulator.Continue(stop, path, values, tracker);
                tracker.CatchUp(stop);
                movesProposed++;
                var logRatio = LatentParameters.LogPrior(proposed) - LatentParameters.LogPrior(current) + tracker.LogLikelihood - logLikelihood;
                if (!(logU < logRatio)) continue;
                movesAccepted++;
                simulator.Save(proposalTrial, values);
                tracker.Save(proposalEvidence);
                (trials[i], proposalTrial) = (proposalTrial, trials[i]);
                (evidence[i], proposalEvidence) = (proposalEvidence, evidence[i]);
                (histories[i], proposalHistory) = (proposalHistory, histories[i]);
                proposed.CopyTo(current);
                // A parameter value of its own: numbered below 0, apart from the trials'.
                origins[i] = -movesAccepted;
            }
        }
    }
}
