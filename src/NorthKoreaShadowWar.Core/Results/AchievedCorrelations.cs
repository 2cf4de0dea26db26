using MathNet.Numerics.Statistics;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Results;

/// <summary>
/// Measures the rank correlations a run realised. A trial's parameters depend only on (seed, trial), so they are drawn
/// again here rather than kept during the run: cheap, and the same values the trials used.
/// </summary>
internal static class AchievedCorrelations
{
    /// <summary>At most this many trials (the run's first) are measured: enough to know a rank correlation to about ±0.006.</summary>
    public const long MaximumTrials = 100_000;

    /// <summary>The pairs of values kept per correlation for a scatter plot.</summary>
    public const int PlotPoints = 3_000;

    /// <summary>Each correlation of <paramref name="model"/> as realised by the trials of <paramref name="settings"/>.</summary>
    public static IReadOnlyList<CorrelationResult> Measure(CompiledModel model, RunSettings settings)
    {
        var correlations = model.Scenario.Correlations;
        if (correlations.Count == 0 || settings.Trials <= 0) return [];
        var trials = (int)Math.Min(settings.Trials, MaximumTrials);
        var draws = new Dictionary<int, double[]>();
        foreach (var group in model.CorrelatedGroups)
            foreach (var parameter in group.Parameters)
                draws[parameter] = new double[trials];
        var blocks = (trials + RunSettings.BlockSize - 1) / RunSettings.BlockSize;
        ParallelTrials.For(blocks, settings.Threads, block =>
        {
            var random = new StreamRandom();
            var constants = new double[model.FixedSlots.Length];
            for (var i = block * RunSettings.BlockSize; i < Math.Min(trials, (block + 1) * RunSettings.BlockSize); i++)
            {
                foreach (var group in model.CorrelatedGroups)
                {
                    ParameterDraws.DrawCorrelated(model, group, settings.Seed, settings.FirstTrial + i, constants, random);
                    foreach (var parameter in group.Parameters) draws[parameter][i] = constants[parameter];
                }
            }
        });
        var names = model.Scenario.Parameters;
        return correlations.Select(c =>
        {
            var (first, second) = (draws[c.First], draws[c.Second]);
            var achieved = trials > 1 ? Correlation.Spearman(first, second) : double.NaN;
            return new CorrelationResult(names[c.First].Name, names[c.Second].Name, c.Rank, achieved, RankCorrelation.Interval95(achieved, trials), trials)
            {
                Description = c.Definition.Description,
                Points = Enumerable.Range(0, Math.Min(trials, PlotPoints)).Select(i => (first[i], second[i])).ToList(),
            };
        }).ToList();
    }
}
