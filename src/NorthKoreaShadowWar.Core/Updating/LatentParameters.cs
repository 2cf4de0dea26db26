using MathNet.Numerics.Distributions;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Updating;

/// <summary>
/// The random parameters of a trial as standard normals (see docs/updating.md, "Moving the parameters"): one normal per
/// random parameter (in <see cref="CompiledModel.RandomParameters"/> order), each drawn from that parameter's own
/// stream of the trial. A parameter in no correlated group is the quantile of its distribution at its normal's
/// probability; a correlated group's normals go through the group's copula as in a run. Under the prior the normals
/// are independent N(0, 1), so a random walk on them has the prior density exp(−|z|²/2) up to a constant.
/// </summary>
internal sealed class LatentParameters
{
    private readonly CompiledModel model;
    /// <summary>For each parameter in no correlated group: its position in the latent vector.</summary>
    private readonly (int Parameter, int At)[] independent;
    /// <summary>For each correlated group: the positions of its parameters in the latent vector.</summary>
    private readonly (CorrelatedGroup Group, int[] At)[] groups;
    private readonly double[] constants;
    private readonly StreamRandom random = new();

    public LatentParameters(CompiledModel model)
    {
        this.model = model;
        var random = model.RandomParameters;
        independent = model.IndependentParameters.Select(p => (p, Array.IndexOf(random, p))).ToArray();
        groups = model.CorrelatedGroups.Select(g => (g, g.Parameters.Select(p => Array.IndexOf(random, p)).ToArray())).ToArray();
        constants = new double[model.FixedSlots.Length];
    }

    /// <summary>The number of latent normals: one per random parameter.</summary>
    public int Count => model.RandomParameters.Length;

    /// <summary>The log prior density of <paramref name="latent"/>, up to a constant: −|z|²/2.</summary>
    public static double LogPrior(ReadOnlySpan<double> latent)
    {
        var sum = 0.0;
        foreach (var z in latent) sum += z * z;
        return -0.5 * sum;
    }

    /// <summary>Draws trial <paramref name="trial"/>'s normals, each from its parameter's own stream.</summary>
    public void Draw(ulong seed, long trial, Span<double> latent)
    {
        var parameters = model.RandomParameters;
        for (var i = 0; i < parameters.Length; i++)
        {
            random.Reset(RandomStreams.For(seed, trial, RandomStreams.ForParameter(parameters[i])));
            latent[i] = Normal.Sample(random, 0, 1);
        }
    }

    /// <summary>The parameter values (in <see cref="CompiledModel.RandomParameters"/> order) that <paramref name="latent"/> stands for.</summary>
    public void ToValues(ReadOnlySpan<double> latent, Span<double> values)
    {
        foreach (var (parameter, at) in independent)
            values[at] = ParameterDraws.QuantileWithin(model.ParameterDistributions[parameter], Normal.CDF(0, 1, latent[at]));
        Span<double> normals = stackalloc double[64];
        foreach (var (group, at) in groups)
        {
            var these = at.Length <= normals.Length ? normals[..at.Length] : new double[at.Length];
            for (var i = 0; i < at.Length; i++) these[i] = latent[at[i]];
            ParameterDraws.Correlate(model, group, these, constants);
            for (var i = 0; i < at.Length; i++) values[at[i]] = constants[group.Parameters[i]];
        }
    }
}
