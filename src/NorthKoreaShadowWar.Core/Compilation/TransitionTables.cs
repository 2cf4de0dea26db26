using System.Globalization;
using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Compilation;

/// <summary>
/// Builds the cumulative bounds of table rows: for one row and one context, the effective probability of
/// each outcome, summed in order. Unused slots hold +infinity, so counting the bounds at or below a uniform
/// draw gives the index of the outcome taken; the last outcome, "stay", takes the remainder.
/// </summary>
internal static class TransitionTables
{
    /// <summary>How far outgoing probabilities may exceed 1 before it is an error (rounding).</summary>
    public const double Tolerance = 1e-9;

    /// <summary>Fills the rows that are the same in every trial, once.</summary>
    public static void FillFixedRows(CompiledModel model)
    {
        Array.Fill(model.FixedBounds, double.PositiveInfinity);
        var states = new int[model.MachineCount];
        var stack = new double[model.MaxStackDepth];
        var scratch = new double[Math.Max(1, model.RowTransitions.Length)];
        for (var m = 0; m < model.MachineCount; m++)
        {
            for (var s = 0; s < model.StateCount[m]; s++)
            {
                ref readonly var row = ref model.Rows[model.StateOffset[m] + s];
                if (row.Kind != RowKind.Table || row.PerTrial) continue;
                for (var context = 0; context < row.ContextCount; context++)
                {
                    var error = Build(model, m, s, context, model.FixedSlots, model.FixedBounds, states, stack, scratch);
                    if (error is not null) throw new SimulationException($"{error}, in every trial");
                }
            }
        }
    }

    /// <summary>
    /// Writes the bounds of one context of row (<paramref name="machine"/>, <paramref name="state"/>) into
    /// <paramref name="bounds"/>; returns a description of the problem when the probabilities are invalid.
    /// </summary>
    public static string? Build(CompiledModel model, int machine, int state, int context, ReadOnlySpan<double> constants,
        Span<double> bounds, Span<int> states, Span<double> stack, Span<double> effective)
    {
        ref readonly var row = ref model.Rows[model.StateOffset[machine] + state];
        SetContextStates(model, machine, state, context, states);
        var total = 0.0;
        for (var i = 0; i < row.TransitionCount; i++)
        {
            var transition = model.RowTransitions[row.TransitionStart + i];
            var p = model.EffectiveProbability(transition, constants, [], states, stack);
            if (!(p >= 0))
                return Describe(model, machine, state, states, row,
                    NonFiniteReports.OfTransition(model, transition, constants, [], states, stack) ?? string.Create(CultureInfo.InvariantCulture, $"a transition has probability {p}"));
            effective[i] = p;
            total += p;
        }
        if (total > 1 + Tolerance) return Describe(model, machine, state, states, row, string.Create(CultureInfo.InvariantCulture, $"the outgoing probabilities add up to {total:G6}"));
        var block = bounds.Slice(row.BoundsOffset + context * row.BoundsStride, row.BoundsStride);
        block.Fill(double.PositiveInfinity);
        var cumulative = 0.0;
        for (var k = 0; k < row.OutcomeCount - 1; k++)
        {
            var outcome = row.OutcomeOffset + k;
            for (var j = 0; j < model.OutcomeTransitionCount[outcome]; j++)
            {
                var transition = model.OutcomeTransitions[model.OutcomeTransitionStart[outcome] + j];
                cumulative += effective[IndexInRow(model, row, transition)];
            }
            block[k] = cumulative;
        }
        return null;
    }

    /// <summary>Puts <paramref name="machine"/> in <paramref name="state"/> and the machines its row reads in the states of <paramref name="context"/>.</summary>
    public static void SetContextStates(CompiledModel model, int machine, int state, int context, Span<int> states)
    {
        ref readonly var row = ref model.Rows[model.StateOffset[machine] + state];
        states[machine] = state;
        for (var d = row.DependencyStart; d < row.DependencyStart + row.DependencyCount; d++)
        {
            var dependency = model.DependencyMachine[d];
            states[dependency] = context / model.DependencyStride[d] % model.StateCount[dependency];
        }
    }

    private static int IndexInRow(CompiledModel model, in RowLayout row, int transition)
    {
        for (var i = 0; i < row.TransitionCount; i++)
            if (model.RowTransitions[row.TransitionStart + i] == transition) return i;
        throw new InvalidOperationException("transition not in row");
    }

    private static string Describe(CompiledModel model, int machine, int state, ReadOnlySpan<int> states, in RowLayout row, string problem)
    {
        var scenario = model.Scenario;
        var name = scenario.Machines[machine];
        var context = new List<string>();
        for (var d = row.DependencyStart; d < row.DependencyStart + row.DependencyCount; d++)
        {
            var dependency = model.DependencyMachine[d];
            context.Add($"{scenario.Machines[dependency].Name} == {scenario.Machines[dependency].States[states[dependency]]}");
        }
        var when = context.Count == 0 ? "" : $" when {string.Join(" and ", context)}";
        return $"machine '{name.Name}', state '{name.States[state]}': {problem}{when}";
    }
}
