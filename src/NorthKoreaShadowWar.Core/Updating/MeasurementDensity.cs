using MathNet.Numerics.Distributions;
using NorthKoreaShadowWar.Scenarios;

namespace NorthKoreaShadowWar.Updating;

/// <summary>
/// The likelihood of a measurement as a function of the true value: the density of the error distribution written in
/// the evidence file (the scenario format's distributions). A lognormal is taken on the log scale (the density of
/// log x under its normal), so a report of "about 1,100, 700–2,000" favours 1,100 most. Clipping is ignored.
/// </summary>
internal static class MeasurementDensity
{
    public static double Of(ParameterDistribution error, double value) => error switch
    {
        NormalDistribution n => Normal.PDF(n.Mean, n.StandardDeviation, value),
        LogNormalDistribution l => value > 0 ? Normal.PDF(l.Mu, l.Sigma, Math.Log(value)) : 0,
        UniformDistribution u => value >= u.Lower && value <= u.Upper ? 1 / (u.Upper - u.Lower) : 0,
        BetaDistribution b => value is >= 0 and <= 1 ? Beta.PDF(b.Alpha, b.Beta, value) : 0,
        TriangularDistribution t => value >= t.Min && value <= t.Max ? Triangular.PDF(t.Min, t.Max, t.Mode, value) : 0,
        PertDistribution p => PertDensity(p, value),
        _ => throw new InvalidOperationException($"no density for {error.Describe()}"),
    };

    private static double PertDensity(PertDistribution p, double value)
    {
        if (value < p.Min || value > p.Max) return 0;
        var width = p.Max - p.Min;
        var alpha = 1 + p.Lambda * (p.Mode - p.Min) / width;
        var beta = 1 + p.Lambda * (p.Max - p.Mode) / width;
        return Beta.PDF(alpha, beta, (value - p.Min) / width) / width;
    }
}
