using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Sensitivity;

/// <summary>
/// The tornado's one-at-a-time settings: first every random parameter at its median, then each parameter in turn
/// at its 10th and then its 90th percentile with the others at their medians. Every setting runs trials 0 .. T − 1,
/// so trial t draws the same random streams in every setting (common random numbers).
/// </summary>
internal sealed class TornadoDesign : IEvaluationDesign
{
    private readonly double[] medians;

    public TornadoDesign(CompiledModel model, int trialsPerSetting)
    {
        TrialsPerSetting = trialsPerSetting;
        var distributions = model.RandomParameters.Select(p => model.ParameterDistributions[p]).ToArray();
        medians = distributions.Select(d => ParameterDraws.QuantileWithin(d, 0.5)).ToArray();
        Lows = distributions.Select(d => ParameterDraws.QuantileWithin(d, SensitivitySettings.LowQuantile)).ToArray();
        Highs = distributions.Select(d => ParameterDraws.QuantileWithin(d, SensitivitySettings.HighQuantile)).ToArray();
    }

    /// <summary>Trials at each setting.</summary>
    public int TrialsPerSetting { get; }

    /// <summary>Each parameter's 10th percentile.</summary>
    public double[] Lows { get; }

    /// <summary>Each parameter's 90th percentile.</summary>
    public double[] Highs { get; }

    /// <summary>The setting with parameter <paramref name="parameter"/> low (high: one more); setting 0 is all medians.</summary>
    public static int LowSetting(int parameter) => 1 + 2 * parameter;

    public long Count => (long)TrialsPerSetting * (2 * medians.Length + 1);

    public long TrialOf(long evaluation) => evaluation % TrialsPerSetting;

    public void ParametersOf(long evaluation, Span<double> values)
    {
        medians.CopyTo(values);
        var setting = (int)(evaluation / TrialsPerSetting);
        if (setting == 0) return;
        var parameter = (setting - 1) / 2;
        values[parameter] = (setting - 1) % 2 == 0 ? Lows[parameter] : Highs[parameter];
    }
}
