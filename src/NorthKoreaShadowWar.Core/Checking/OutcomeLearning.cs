using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Checking;

/// <summary>
/// For each outcome, how the evidence can reach it (see docs/checking.md): <c>independent</c> when the outcome and the
/// evidence share no machine, variable or drawn parameter (its posterior is its prior); <c>path only</c> when they
/// share some, but none of the drawn parameters the outcome depends on is informed (the evidence moves it only through
/// what it says of the states so far); <c>parameters</c> when some of them are informed. How much of the outcome's prior
/// variance follows the informed parameters is measured by their squared correlations with it in the prior trials.
/// </summary>
internal static class OutcomeLearning
{
    public static IReadOnlyList<OutcomeCheck> Of(CompiledModel model, EvidenceFile evidence, ObservationSamples prior, IReadOnlyList<ParameterCheck> parameters, IReadOnlyList<OutcomeShift> changes)
    {
        var dependencies = new ModelDependencies(model);
        var ofEvidence = dependencies.OfEvidence(evidence);
        var byName = changes.ToDictionary(c => c.Outcome);
        return model.Scenario.Outcomes.Select((outcome, o) =>
        {
            var ofOutcome = dependencies.OfOutcome(o);
            var shared = dependencies.Shared(ofOutcome, ofEvidence);
            var drawnIndices = dependencies.DrawnParameters(ofOutcome);
            var drawn = drawnIndices.Select(k => parameters[k]).ToList();
            var values = Values(model, prior, o);
            var explained = drawnIndices.ToDictionary(k => k, k => SquaredCorrelation(values, prior, k));
            var informed = drawn.Where(p => p.Informed).Select(p => p.Name).ToList();
            var change = byName[outcome.Name];
            return new OutcomeCheck
            {
                Outcome = outcome.Name,
                Verdict = shared.Count == 0 ? "independent" : informed.Count == 0 ? "path only" : "parameters",
                SharedWithEvidence = shared.Where(n => n.Kind != ModelDependencies.NodeKind.Parameter).Select(dependencies.Name).ToList(),
                Parameters = drawn.Select(p => p.Name).ToList(),
                InformedParameters = informed,
                ParameterVariance = Math.Min(1, explained.Values.Sum()),
                InformedVariance = Math.Min(1, explained.Where(e => parameters[e.Key].Informed).Sum(e => e.Value)),
                Measure = change.Measure, Prior = change.Prior, Posterior = change.Posterior, MoveInPriorSd = change.StandardisedShift,
            };
        }).ToList();
    }

    /// <summary>
    /// The outcome's value in each prior trial, as a number: a first step that never came counts as the step after the
    /// horizon; a final state is 1 in the prior's likeliest state, else 0.
    /// </summary>
    private static double[] Values(CompiledModel model, ObservationSamples prior, int outcome)
    {
        var values = Enumerable.Range(0, prior.Count).Select(i => prior.Outcome(i, outcome)).ToArray();
        switch (model.Scenario.Outcomes[outcome].Kind)
        {
            case Scenarios.OutcomeKind.FirstStep:
                return values.Select(v => double.IsNaN(v) ? model.Horizon + 1 : v).ToArray();
            case Scenarios.OutcomeKind.Final:
                var likeliest = values.GroupBy(v => v).MaxBy(g => g.Count())!.Key;
                return values.Select(v => v == likeliest ? 1.0 : 0).ToArray();
            default:
                return values;
        }
    }

    /// <summary>The squared correlation of <paramref name="values"/> with drawn parameter <paramref name="p"/> over the prior trials (0 when either is constant).</summary>
    private static double SquaredCorrelation(double[] values, ObservationSamples prior, int p)
    {
        double mx = 0, my = 0;
        for (var i = 0; i < prior.Count; i++)
        {
            mx += prior.Parameter(i, p);
            my += values[i];
        }
        mx /= prior.Count;
        my /= prior.Count;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < prior.Count; i++)
        {
            var (dx, dy) = (prior.Parameter(i, p) - mx, values[i] - my);
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx > 0 && syy > 0 ? sxy * sxy / (sxx * syy) : 0;
    }
}
