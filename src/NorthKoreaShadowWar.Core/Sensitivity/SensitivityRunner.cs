using NorthKoreaShadowWar.Comparison;
using NorthKoreaShadowWar.Compilation;

namespace NorthKoreaShadowWar.Sensitivity;

/// <summary>
/// Which assumption matters most: for each outcome, a tornado (each uncertain parameter at its 10th and 90th
/// percentile, the others at their medians, with common random numbers) and first-order and total Sobol indices
/// (Saltelli's design, with the trial's own chance as one more input). The numbers depend only on the model, the
/// outcomes, the sizes and the seed, never on the thread count.
/// </summary>
internal static class SensitivityRunner
{
    /// <summary>The name of the input that stands for the trial's own chance: the machines' random streams.</summary>
    public const string Chance = "chance";

    /// <summary>The uncertain parameters of <paramref name="model"/>: those drawn per trial (neither fixed nor computed from others).</summary>
    public static IReadOnlyList<string> UncertainParameters(CompiledModel model) =>
        model.RandomParameters.Select(p => model.Scenario.Parameters[p].Name).ToList();

    /// <summary>
    /// Runs the tornado and the Sobol design for <paramref name="quantities"/> (see <see cref="SensitivityOutcomes.Resolve"/>);
    /// reports the trials completed so far, of <see cref="SensitivitySettings.TornadoTrialsInAll"/> plus
    /// <see cref="SensitivitySettings.SobolTrials"/>, to <paramref name="progress"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The model has no uncertain parameters, or no quantities were given.</exception>
    /// <exception cref="Diagnostics.SimulationException">The scenario did something impossible in some trial.</exception>
    public static SensitivityResult Run(CompiledModel model, IReadOnlyList<ComparedQuantity> quantities, SensitivitySettings settings, Action<long>? progress = null)
    {
        var parameters = UncertainParameters(model);
        if (parameters.Count == 0) throw new ArgumentException("the scenario has no uncertain parameters", nameof(model));
        if (quantities.Count == 0) throw new ArgumentException("no outcome to analyse", nameof(quantities));
        var outcomes = quantities.Select(q => new OutcomeSensitivity { Quantity = q }).ToArray();
        long done = 0, machineSteps = 0;
        var time = TimeSpan.Zero;
        void Add(Evaluations evaluations, long count)
        {
            machineSteps += evaluations.MachineSteps;
            time += evaluations.SimulateTime;
            done += count;
        }
        if (settings.TornadoTrials > 0)
        {
            var design = new TornadoDesign(model, settings.TornadoTrials);
            var evaluations = EvaluationRunner.Run(model, design, quantities, settings.Seed, settings.Threads, Offset(progress, done));
            for (var q = 0; q < outcomes.Length; q++)
            {
                var (atMedians, bars) = TornadoEstimator.Estimate(evaluations.Values[q], design, parameters, SensitivityOutcomes.IsShare(quantities[q]));
                outcomes[q] = outcomes[q] with { AtMedians = atMedians, Tornado = bars };
            }
            Add(evaluations, design.Count);
        }
        if (settings.SobolSamples > 0)
        {
            var design = new SobolDesign(model, settings.SobolSamples, settings.Seed);
            var evaluations = EvaluationRunner.Run(model, design, quantities, settings.Seed, settings.Threads, Offset(progress, done));
            var inputs = parameters.Append(Chance).ToList();
            for (var q = 0; q < outcomes.Length; q++)
            {
                var (indices, mean, variance) = SobolEstimator.Estimate(evaluations.Values[q], design.Samples, inputs, settings.Seed, settings.BootstrapResamples);
                outcomes[q] = outcomes[q] with { Sobol = indices, SobolMean = mean, SobolVariance = variance };
            }
            Add(evaluations, design.Count);
        }
        var warnings = model.CorrelatedGroups.Length == 0 ? [] : new List<string>
        {
            "the scenario correlates some parameters, but Sobol indices assume independent inputs: here every parameter is drawn "
            + "independently from its own distribution (and the tornado moves one parameter at a time), ignoring the correlations block",
        };
        return new SensitivityResult
        {
            Scenario = model.Scenario, Settings = settings, Parameters = parameters, Outcomes = outcomes, Warnings = warnings,
            Trials = done, MachineSteps = machineSteps, SimulateTime = time,
        };
    }

    private static Action<long>? Offset(Action<long>? progress, long before) => progress is null ? null : done => progress(before + done);
}
