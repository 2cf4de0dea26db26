using NorthKoreaShadowWar.Comparison;
using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Sensitivity;

/// <summary>
/// The tornado from the evaluations of a <see cref="TornadoDesign"/>: each setting's mean with a 95% interval (Wilson
/// for a probability, normal otherwise), and each parameter's swing high − low with a normal interval from the
/// per-trial differences, which common random numbers make narrow.
/// </summary>
internal static class TornadoEstimator
{
    /// <summary>The value at all medians and one bar per parameter, from <paramref name="f"/>, the outcome in each evaluation.</summary>
    public static (Estimate AtMedians, IReadOnlyList<TornadoBar> Bars) Estimate(
        double[] f, TornadoDesign design, IReadOnlyList<string> parameters, bool share)
    {
        var trials = design.TrialsPerSetting;
        Estimate Setting(int setting)
        {
            RunningMoments moments = default;
            for (var t = 0; t < trials; t++) moments.Add(f[(long)setting * trials + t]);
            return Of(moments, share);
        }
        var bars = parameters.Select((name, i) =>
        {
            var low = TornadoDesign.LowSetting(i);
            RunningMoments swing = default;
            for (var t = 0; t < trials; t++) swing.Add(f[(long)(low + 1) * trials + t] - f[(long)low * trials + t]);
            return new TornadoBar(name, design.Lows[i], design.Highs[i], Setting(low), Setting(low + 1), Of(swing, share: false));
        }).ToList();
        return (Setting(0), bars);
    }

    private static Estimate Of(in RunningMoments moments, bool share) => share
        ? new Estimate(moments.Mean, ConfidenceIntervals.Wilson((long)Math.Round(moments.Mean * moments.Count), moments.Count))
        : new Estimate(moments.Mean, ConfidenceIntervals.Mean(moments.Mean, moments.StandardDeviation, moments.Count));
}
