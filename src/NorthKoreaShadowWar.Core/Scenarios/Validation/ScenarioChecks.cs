using System.Globalization;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Expressions;

namespace NorthKoreaShadowWar.Scenarios.Validation;

/// <summary>
/// Checks of a resolved scenario that need the whole model: probabilities outside [0, 1], outgoing
/// probabilities that can add up to more than 1 in some combination of the states their conditions read,
/// negative multipliers (errors), and unreachable states and never-enabled transitions (warnings).
/// </summary>
internal static class ScenarioChecks
{
    private const double Tolerance = 1e-9;

    /// <summary>Runs every check, reporting to <paramref name="diagnostics"/>.</summary>
    public static void Check(ResolvedScenario scenario, DiagnosticBag diagnostics)
    {
        var parameterRanges = ParameterRanges(scenario);
        CheckDivisionsByZero(scenario, parameterRanges, diagnostics);
        InitialShareChecks.Check(scenario, parameterRanges, diagnostics);
        var reachable = scenario.Machines.Select((_, m) => ReachableStates(scenario, m, parameterRanges)).ToList();
        for (var m = 0; m < scenario.Machines.Count; m++)
        {
            CheckProbabilityRanges(scenario.Machines[m], parameterRanges, diagnostics);
            WarnUnreachable(scenario.Machines[m], reachable[m], StartingStates(scenario.Machines[m], parameterRanges), diagnostics);
            CheckOutgoingSums(scenario, m, parameterRanges, reachable, diagnostics);
            WarnNeverEnabled(scenario, m, parameterRanges, reachable, diagnostics);
        }
    }

    /// <summary>The range of values each parameter can take, derived parameters included.</summary>
    internal static IReadOnlyList<Interval> ParameterRanges(ResolvedScenario scenario)
    {
        var ranges = new Interval[scenario.Parameters.Count];
        foreach (var index in scenario.ParameterEvaluationOrder)
        {
            var parameter = scenario.Parameters[index];
            var range = parameter.Derived is { } derived
                ? Interval.Of(derived, ranges, [])
                : new Interval(parameter.Distribution.Support.Lower, parameter.Distribution.Support.Upper);
            if (parameter.Distribution.Clip is { } clip)
                range = new Interval(Math.Max(range.Lower, clip.Lower), Math.Min(range.Upper, clip.Upper));
            ranges[index] = range;
        }
        return ranges;
    }

    /// <summary>
    /// Expressions that divide by something that is 0 in every trial (a parameter fixed at 0, or derived from such):
    /// found by folding the parameters' ranges, since a literal 0 is already refused when the expression is bound.
    /// </summary>
    private static void CheckDivisionsByZero(ResolvedScenario scenario, IReadOnlyList<Interval> parameters, DiagnosticBag diagnostics)
    {
        void Check(BoundExpression? expression, ExpressionText text, string what)
        {
            if (expression is not null && HasZeroDivisor(expression, parameters))
                diagnostics.Error(text.Position, $"'{text.Text}' ({what}) divides by zero: its divisor is 0 in every trial");
        }
        foreach (var parameter in scenario.Parameters)
            if (parameter.Distribution is DerivedValue derived) Check(parameter.Derived, derived.Expression, $"parameter '{parameter.Name}'");
        for (var v = 0; v < scenario.Variables.Count; v++)
            Check(scenario.Variables[v].Initial, scenario.Source.Variables[v].Initial, $"the initial value of '{scenario.Variables[v].Name}'");
        foreach (var share in scenario.Machines.SelectMany(m => m.InitialShares))
            Check(share.Probability, share.Definition.Probability, $"the initial probability of '{share.Definition.State.Value}'");
        foreach (var transition in scenario.Machines.SelectMany(m => m.Transitions))
        {
            Check(transition.Probability, transition.Definition.Probability, "a probability");
            foreach (var ((_, factor), definition) in transition.Multipliers.Zip(transition.Definition.Multipliers))
                Check(factor, definition.By, "a multiplier");
        }
    }

    private static bool HasZeroDivisor(BoundExpression expression, IReadOnlyList<Interval> parameters) =>
        BoundExpressionFacts.Descendants(expression).OfType<BoundBinary>().Any(division =>
            division.Operator == BinaryOperator.Divide &&
            !BoundExpressionFacts.ReadsVariables(division.Right) && !BoundExpressionFacts.ReadsMachines(division.Right) &&
            Interval.Of(division.Right, parameters, []) is { IsPoint: true, Lower: 0 });

    private static void CheckProbabilityRanges(ResolvedMachine machine, IReadOnlyList<Interval> parameters, DiagnosticBag diagnostics)
    {
        foreach (var transition in machine.Transitions)
        {
            var p = transition.Definition.Probability;
            if (!BoundExpressionFacts.ReadsVariables(transition.Probability))
            {
                var range = Interval.Of(transition.Probability, parameters, []);
                if (range.IsPoint && (range.Lower < 0 || range.Lower > 1))
                    diagnostics.Error(p.Position, $"probability '{p.Text}' is {Format(range.Lower)}; a probability must be between 0 and 1");
                else if (range.Upper < 0 || range.Lower > 1)
                    diagnostics.Error(p.Position, $"probability '{p.Text}' always lies in [{Format(range.Lower)}, {Format(range.Upper)}], outside [0, 1]");
                else if (range.Lower < -Tolerance || range.Upper > 1 + Tolerance)
                    diagnostics.Warning(p.Position, $"probability '{p.Text}' can take values in [{Format(range.Lower)}, {Format(range.Upper)}], beyond [0, 1]; a run stops with an error if a draw does (add a clip to the parameter)");
            }
            foreach (var ((_, factor), definition) in transition.Multipliers.Zip(transition.Definition.Multipliers))
            {
                if (BoundExpressionFacts.ReadsVariables(factor)) continue;
                var range = Interval.Of(factor, parameters, []);
                if (range.Upper < 0)
                    diagnostics.Error(definition.By.Position, $"multiplier '{definition.By.Text}' is negative ({Format(range.Upper)}); a factor must be 0 or more");
                else if (range.Lower < 0)
                    diagnostics.Warning(definition.By.Position, $"multiplier '{definition.By.Text}' can be negative for some parameter draws");
            }
        }
    }

    internal static bool NeverTaken(ResolvedTransition transition, IReadOnlyList<Interval> parameters) =>
        !BoundExpressionFacts.ReadsVariables(transition.Probability) &&
        Interval.Of(transition.Probability, parameters, []) is { IsPoint: true, Lower: 0 };

    /// <summary>
    /// The states a trial can start in: the initial state, or the states of the initial distribution whose probability
    /// is not always 0.
    /// </summary>
    internal static IReadOnlyList<int> StartingStates(ResolvedMachine machine, IReadOnlyList<Interval> parameters) =>
        machine.InitialShares.Count == 0
            ? [machine.InitialState]
            : machine.InitialShares.Where(s => Interval.Of(s.Probability, parameters, []) is not { IsPoint: true, Lower: 0 }).Select(s => s.State).ToList();

    /// <summary>States reachable from the starting states along transitions whose probability is not always 0 (guards ignored).</summary>
    internal static IReadOnlyList<int> ReachableStates(ResolvedScenario scenario, int machineIndex, IReadOnlyList<Interval> parameters)
    {
        var machine = scenario.Machines[machineIndex];
        var seen = new bool[machine.States.Count];
        var starting = StartingStates(machine, parameters);
        var queue = new Queue<int>(starting);
        foreach (var state in starting) seen[state] = true;
        while (queue.TryDequeue(out var state))
        {
            foreach (var transition in machine.Transitions)
            {
                if (!transition.From.Contains(state) || seen[transition.To] || NeverTaken(transition, parameters)) continue;
                seen[transition.To] = true;
                queue.Enqueue(transition.To);
            }
        }
        return Enumerable.Range(0, seen.Length).Where(s => seen[s]).ToList();
    }

    private static void WarnUnreachable(ResolvedMachine machine, IReadOnlyList<int> reachable, IReadOnlyList<int> starting, DiagnosticBag diagnostics)
    {
        var from = string.Join(", ", starting.Select(s => $"'{machine.States[s]}'"));
        for (var s = 0; s < machine.States.Count; s++)
        {
            if (reachable.Contains(s)) continue;
            var position = machine.Definition.States[s].Position;
            diagnostics.Warning(position, $"state '{machine.States[s]}' of machine '{machine.Name}' is unreachable from {from}");
        }
    }

    /// <summary>The machines whose states the guards and multiplier conditions of <paramref name="transitions"/> read, other than <paramref name="own"/>.</summary>
    private static List<int> MachinesRead(IEnumerable<ResolvedTransition> transitions, int own) =>
        transitions.SelectMany(t => (t.Guard is null ? [] : BoundExpressionFacts.MachinesRead(t.Guard))
                .Concat(t.Multipliers.SelectMany(m => BoundExpressionFacts.MachinesRead(m.Condition))))
            .Where(m => m != own).Distinct().Order().ToList();

    private static void CheckOutgoingSums(ResolvedScenario scenario, int machineIndex, IReadOnlyList<Interval> parameters,
        IReadOnlyList<IReadOnlyList<int>> reachable, DiagnosticBag diagnostics)
    {
        var machine = scenario.Machines[machineIndex];
        foreach (var state in reachable[machineIndex])
        {
            var outgoing = machine.Transitions.Where(t => t.From.Contains(state)).ToList();
            if (outgoing.Count == 0 || outgoing.Any(t => BoundExpressionFacts.ReadsVariables(t.Probability))) continue;
            var read = MachinesRead(outgoing, machineIndex);
            if (StateCombinations.Count(read, reachable) is null) continue;
            var states = scenario.Machines.Select(m => m.InitialState).ToArray();
            states[machineIndex] = state;
            (double Sum, bool Certain, int[] States)? worst = null;
            StateCombinations.ForEach(read, reachable, states, combination =>
            {
                var (sum, certain) = UpperSum(outgoing, parameters, combination);
                if (sum > 1 + Tolerance && (worst is null || (certain && !worst.Value.Certain) || sum > worst.Value.Sum))
                    worst = (sum, certain, (int[])combination.Clone());
            });
            if (worst is not { } w) continue;
            var where = read.Count == 0 ? "" : " when " + string.Join(" and ", read.Select(r => $"{scenario.Machines[r].Name} == {scenario.Machines[r].States[w.States[r]]}"));
            var lines = string.Join(", ", outgoing.Select(t => t.Definition.Position.Line.ToString(CultureInfo.InvariantCulture)));
            var message = $"the outgoing probabilities of state '{machine.States[state]}' of machine '{machine.Name}' " +
                          $"{(w.Certain ? "add up to" : "can add up to")} {Format(w.Sum)}{where} (transitions at lines {lines}); they must not exceed 1";
            if (w.Certain) diagnostics.Error(outgoing[0].Definition.Position, message);
            else diagnostics.Warning(outgoing[0].Definition.Position, message + " — a run stops with an error if a draw or a variable makes them do so");
        }
    }

    /// <summary>The largest possible sum of effective probabilities in one combination, and whether it is reached for certain.</summary>
    private static (double Sum, bool Certain) UpperSum(IEnumerable<ResolvedTransition> outgoing, IReadOnlyList<Interval> parameters, int[] states)
    {
        var sum = 0.0;
        var certain = true;
        foreach (var transition in outgoing)
        {
            var guard = transition.Guard is null ? Interval.True : Interval.Of(transition.Guard, parameters, states);
            if (!guard.CanBeTrue) continue;
            certain &= guard.IsAlwaysTrue;
            var p = Interval.Of(transition.Probability, parameters, states);
            certain &= p.IsPoint;
            var factor = 1.0;
            foreach (var (condition, by) in transition.Multipliers)
            {
                var holds = Interval.Of(condition, parameters, states);
                if (!holds.CanBeTrue) continue;
                var range = Interval.Of(by, parameters, states);
                certain &= holds.IsAlwaysTrue && range.IsPoint;
                factor *= holds.IsAlwaysTrue ? Math.Max(0, range.Upper) : Math.Max(1, range.Upper);
            }
            sum += Math.Max(0, p.Upper) * factor;
        }
        return (sum, certain);
    }

    private static void WarnNeverEnabled(ResolvedScenario scenario, int machineIndex, IReadOnlyList<Interval> parameters,
        IReadOnlyList<IReadOnlyList<int>> reachable, DiagnosticBag diagnostics)
    {
        var machine = scenario.Machines[machineIndex];
        foreach (var transition in machine.Transitions)
        {
            if (NeverTaken(transition, parameters))
            {
                diagnostics.Warning(transition.Definition.Probability.Position, $"probability '{transition.Definition.Probability.Text}' is always 0, so this transition is never taken");
                continue;
            }
            if (transition.Guard is null) continue;
            var read = MachinesRead([transition], machineIndex);
            if (StateCombinations.Count(read, reachable) is null) continue;
            var enabled = false;
            var states = scenario.Machines.Select(m => m.InitialState).ToArray();
            foreach (var from in transition.From.Where(reachable[machineIndex].Contains))
            {
                states[machineIndex] = from;
                StateCombinations.ForEach(read, reachable, states, combination =>
                    enabled |= Interval.Of(transition.Guard, parameters, combination).CanBeTrue);
            }
            if (!enabled && transition.From.Any(reachable[machineIndex].Contains))
                diagnostics.Warning(transition.Definition.When!.Position, $"the guard '{transition.Definition.When!.Text}' is false in every reachable combination of states, so this transition is never enabled");
        }
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
