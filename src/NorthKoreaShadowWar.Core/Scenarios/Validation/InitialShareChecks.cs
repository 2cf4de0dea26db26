using System.Globalization;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Expressions;

namespace NorthKoreaShadowWar.Scenarios.Validation;

/// <summary>
/// Checks of the machines' initial distributions (docs/scenario-format.md, "Uncertain starting points"): each
/// probability between 0 and 1, and together adding up to 1. Where that is decided by the file alone, a violation is
/// an error; where it depends on the parameters' draws, the sum is tried at a few settings of the parameters across
/// their ranges and a setting that breaks it is a warning (a run stops with an error if a draw does).
/// </summary>
internal static class InitialShareChecks
{
    /// <summary>How far from 1 the probabilities may add up (rounding aside); the engines use the same tolerance.</summary>
    public const double SumTolerance = 1e-9;

    /// <summary>Where in each parameter's range the probabilities are tried: all at the same fraction, then alternating.</summary>
    private static readonly double[] TriedFractions = [0, 0.25, 0.5, 0.75, 1];

    public static void Check(ResolvedScenario scenario, IReadOnlyList<Interval> parameters, DiagnosticBag diagnostics)
    {
        foreach (var machine in scenario.Machines.Where(m => m.InitialShares.Count > 0))
            Check(scenario, machine, parameters, diagnostics);
    }

    private static void Check(ResolvedScenario scenario, ResolvedMachine machine, IReadOnlyList<Interval> parameters, DiagnosticBag diagnostics)
    {
        var what = $"the initial distribution of machine '{machine.Name}'";
        var ranges = machine.InitialShares.Select(s => Interval.Of(s.Probability, parameters, [])).ToList();
        var fault = false;
        foreach (var (share, range) in machine.InitialShares.Zip(ranges))
        {
            var p = share.Definition.Probability;
            var state = share.Definition.State.Value;
            if (range.IsPoint && (range.Lower < 0 || range.Lower > 1))
                diagnostics.Error(p.Position, $"the initial probability of '{state}' is {Format(range.Lower)}; a probability must be between 0 and 1");
            else if (range.Upper < 0 || range.Lower > 1)
                diagnostics.Error(p.Position, $"the initial probability of '{state}', '{p.Text}', always lies in [{Format(range.Lower)}, {Format(range.Upper)}], outside [0, 1]");
            else if (range.Lower < -SumTolerance || range.Upper > 1 + SumTolerance)
                diagnostics.Warning(p.Position, $"the initial probability of '{state}', '{p.Text}', can take values in [{Format(range.Lower)}, {Format(range.Upper)}], beyond [0, 1]; a run stops with an error if a draw does (add a clip to the parameter)");
            else continue;
            fault = true;
        }
        if (fault) return;
        var position = machine.Definition.InitialShares![0].State.Position;
        var listed = string.Join(", ", machine.InitialShares.Select(s => $"{s.Definition.State.Value}: {s.Definition.Probability.Text}"));
        if (ranges.All(r => r.IsPoint))
        {
            var sum = ranges.Sum(r => r.Lower);
            if (Math.Abs(sum - 1) > SumTolerance)
                diagnostics.Error(position, $"the probabilities of {what} add up to {Format(sum)} ({listed}); they must add up to 1");
            return;
        }
        var lower = ranges.Sum(r => r.Lower);
        var upper = ranges.Sum(r => r.Upper);
        if (upper < 1 - SumTolerance || lower > 1 + SumTolerance)
        {
            diagnostics.Error(position, $"the probabilities of {what} always add up to between {Format(lower)} and {Format(upper)} ({listed}); they must add up to 1");
            return;
        }
        foreach (var setting in Settings(scenario, parameters))
        {
            var inputs = new ExpressionInputs(setting, [], []);
            var sum = machine.InitialShares.Sum(s => ReferenceEvaluator.Evaluate(s.Probability, inputs));
            if (Math.Abs(sum - 1) <= SumTolerance) continue;
            var at = string.Join(", ", scenario.Parameters.Select((p, i) => (p, i))
                .Where(x => machine.InitialShares.Any(s => BoundExpressionFacts.ParametersRead(s.Probability).Contains(x.i)))
                .Select(x => $"{x.p.Name} = {Format(setting[x.i])}"));
            diagnostics.Warning(position, $"the probabilities of {what} add up to {Format(sum)} when {at} ({listed}); they must add up to 1, and a run stops with an error if a draw makes them not");
            return;
        }
    }

    /// <summary>Settings of every parameter across its range (derived parameters computed from the others).</summary>
    private static IEnumerable<double[]> Settings(ResolvedScenario scenario, IReadOnlyList<Interval> ranges)
    {
        foreach (var alternate in new[] { false, true })
        {
            foreach (var fraction in TriedFractions)
            {
                var values = new double[scenario.Parameters.Count];
                foreach (var p in scenario.ParameterEvaluationOrder)
                {
                    var parameter = scenario.Parameters[p];
                    if (parameter.Derived is { } derived)
                    {
                        var value = ReferenceEvaluator.Evaluate(derived, new ExpressionInputs(values, [], []));
                        values[p] = parameter.Distribution.Clip is { } clip ? Math.Clamp(value, clip.Lower, clip.Upper) : value;
                    }
                    else
                    {
                        values[p] = Within(ranges[p], alternate && p % 2 == 1 ? 1 - fraction : fraction);
                    }
                }
                yield return values;
            }
        }
    }

    /// <summary>The point at <paramref name="fraction"/> of a range; a range open on a side is tried within 10 of its finite end, or of 0.</summary>
    private static double Within(Interval range, double fraction) =>
        (double.IsFinite(range.Lower), double.IsFinite(range.Upper)) switch
        {
            (true, true) => range.Lower + fraction * (range.Upper - range.Lower),
            (true, false) => range.Lower + fraction * 10,
            (false, true) => range.Upper - (1 - fraction) * 10,
            _ => (fraction - 0.5) * 10,
        };

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
