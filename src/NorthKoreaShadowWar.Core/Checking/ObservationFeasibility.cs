using System.Globalization;
using NorthKoreaShadowWar.Expressions;
using NorthKoreaShadowWar.Scenarios.Validation;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Checking;

/// <summary>
/// Whether the scenario can produce what an observation states, decided from the model's structure alone (see
/// docs/checking.md): machine states from <see cref="StateReachability"/>, variables from <see cref="VariableRanges"/>,
/// parameters from their ranges. "Impossible" is a proof: no trial of the scenario makes the statement true. Observations
/// the structure cannot decide are left to the simulated checks.
/// </summary>
internal static class ObservationFeasibility
{
    /// <summary>The verdict on every observation of <paramref name="evidence"/>, in file order.</summary>
    public static IReadOnlyList<Feasibility> Of(ResolvedScenario scenario, EvidenceFile evidence)
    {
        var reach = StateReachability.Of(scenario);
        var parameters = ScenarioChecks.ParameterRanges(scenario);
        var variables = VariableRanges.Of(scenario, reach, parameters);
        return evidence.Observations.Select(o => Judge(scenario, o, reach, variables, parameters)).ToList();
    }

    private static Feasibility Judge(ResolvedScenario scenario, Observation observation, StateReachability reach, VariableRanges variables, IReadOnlyList<Interval> parameters)
    {
        Interval Range(BoundExpression e, int step) =>
            Interval.Of(e, parameters, v => variables.At(v, step), t => VariableRanges.StateTest(reach, t, step));
        switch (observation)
        {
            case ConditionObservation c:
            {
                var why = c.Claim switch
                {
                    ConditionClaim.Holds or ConditionClaim.FirstHeld when !Range(c.Bound, c.To).CanBeTrue =>
                        string.Create(CultureInfo.InvariantCulture, $"'{c.Condition.Text}' cannot hold {(c.Claim == ConditionClaim.Holds ? "at" : "by")} step {c.To}: {Reasons(scenario, c.Bound, c.To, reach, variables, holds: true)}"),
                    ConditionClaim.DoesNotHold when Range(c.Bound, c.To).IsAlwaysTrue =>
                        string.Create(CultureInfo.InvariantCulture, $"'{c.Condition.Text}' holds in every trial at step {c.To}: {Reasons(scenario, c.Bound, c.To, reach, variables, holds: false)}"),
                    ConditionClaim.NotHeldBy when Enumerable.Range(0, c.To + 1).FirstOrDefault(t => Range(c.Bound, t).IsAlwaysTrue, -1) is >= 0 and var t =>
                        string.Create(CultureInfo.InvariantCulture, $"'{c.Condition.Text}' holds in every trial at step {t}: {Reasons(scenario, c.Bound, t, reach, variables, holds: false)}"),
                    _ => null,
                };
                return why is null ? Feasibility.Possible(observation)
                    : new Feasibility(observation, c.Reliability is null, why, c.Reliability is null ? null
                        : string.Create(CultureInfo.InvariantCulture, $"the scenario cannot make it true, so only a report error explains it: its likelihood is {1 - c.Reliability:0.##} in every trial and it changes nothing but the marginal likelihood"));
            }
            case MeasurementObservation m:
            {
                var range = Range(m.Bound, m.At);
                var support = m.Error is Scenarios.LogNormalDistribution ? (Lower: double.Epsilon, Upper: double.PositiveInfinity) : m.Error.Support;
                if (range.Upper >= support.Lower && range.Lower <= support.Upper) return Feasibility.Possible(observation);
                return new Feasibility(observation, true,
                    string.Create(CultureInfo.InvariantCulture, $"'{m.Quantity.Text}' can only lie in {Show(range)} at step {m.At}, where the measurement {m.Error.Describe()} has density 0"), null);
            }
            case ReportObservation r:
            {
                var possible = reach.PossibleAt(r.MachineIndex, r.At);
                var names = scenario.Machines[r.MachineIndex].States;
                var likelihoods = possible.Select(s => r.LikelihoodByState[s]).Distinct().ToList();
                var favoured = Enumerable.Range(0, names.Count).Where(s => r.LikelihoodByState[s] == r.LikelihoodByState.Max()).ToList();
                var unreachable = favoured.Where(s => !reach.Possible(r.MachineIndex, s, r.At)).ToList();
                var reason = string.Create(CultureInfo.InvariantCulture, $"at step {r.At} '{r.Machine}' can only be in {{{string.Join(", ", possible.Select(s => names[s]))}}}")
                    + (unreachable.Count > 0 ? "; " + string.Join("; ", unreachable.Select(s => reach.WhyNot(r.MachineIndex, s, r.At))) : "");
                if (likelihoods.All(l => l == 0)) return new Feasibility(observation, true, $"every state it can be in has likelihood 0: {reason}", null);
                if (likelihoods.Count == 1 && unreachable.Count > 0)
                    return new Feasibility(observation, false, $"the states it favours cannot be reached by then: {reason}",
                        $"every state it can be in has the same likelihood ({likelihoods[0].ToString("0.##", CultureInfo.InvariantCulture)}), so it changes nothing but the marginal likelihood");
                return Feasibility.Possible(observation);
            }
            default:
                return Feasibility.Possible(observation);
        }
    }

    /// <summary>What in <paramref name="condition"/> decides it at <paramref name="step"/>: the state tests and variables it reads.</summary>
    private static string Reasons(ResolvedScenario scenario, BoundExpression condition, int step, StateReachability reach, VariableRanges variables, bool holds)
    {
        var reasons = new List<string>();
        foreach (var test in BoundExpressionFacts.Descendants(condition).OfType<BoundStateTest>().Distinct())
        {
            var machine = scenario.Machines[test.Machine];
            var inMask = Enumerable.Range(0, machine.States.Count).Where(s => ((test.StateMask >> s) & 1UL) != 0).ToList();
            var possible = reach.PossibleAt(test.Machine, step);
            var unreachable = inMask.Where(s => !reach.Possible(test.Machine, s, step)).ToList();
            var where = string.Create(CultureInfo.InvariantCulture, $"at step {step} '{machine.Name}' can only be in {{{string.Join(", ", possible.Select(s => machine.States[s]))}}}");
            reasons.Add(holds && unreachable.Count > 0 ? where + "; " + string.Join("; ", unreachable.Select(s => reach.WhyNot(test.Machine, s, step))) : where);
        }
        foreach (var variable in BoundExpressionFacts.VariablesRead(condition))
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"'{scenario.Variables[variable].Name}' can only lie in {Show(variables.At(variable, step))} at step {step}"));
        return reasons.Count > 0 ? string.Join("; ", reasons) : "the parameters' ranges decide it";
    }

    internal static string Show(Interval range) =>
        $"[{Number(range.Lower)}, {Number(range.Upper)}]";

    private static string Number(double value) =>
        double.IsPositiveInfinity(value) ? "∞" : double.IsNegativeInfinity(value) ? "−∞" : value.ToString("G6", CultureInfo.InvariantCulture);
}

/// <summary>
/// The structural verdict on one observation: whether it <see cref="RulesOut"/> every trial (a certain statement the
/// scenario cannot make true: an error), why, and a note on what that means when it does not rule them out.
/// </summary>
internal sealed record Feasibility(Observation Observation, bool RulesOut, string? Reason, string? Note)
{
    public static Feasibility Possible(Observation observation) => new(observation, false, null, null);

    /// <summary>The error line for an observation that rules out every trial.</summary>
    public string Error => $"{Observation.Position}: error: the scenario cannot produce this observation ({Observation.Describe()}): {Reason}";
}
