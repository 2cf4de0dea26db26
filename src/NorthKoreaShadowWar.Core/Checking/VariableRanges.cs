using NorthKoreaShadowWar.Expressions;
using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Checking;

/// <summary>
/// The range each variable can lie in after each step (see docs/checking.md), by interval arithmetic: the initial
/// value's range over the parameters' ranges, then at each step the effects that can apply (of a transition into a
/// state that can be reached by then, or the <c>each_step</c> effects of such a state) in the simulator's order: for each
/// machine, the effects of one of its transitions (or of one of its states), or none, since it takes one transition a
/// step and is in one state. The ranges hold every value the variable can take; an unbounded side is infinite.
/// </summary>
internal sealed class VariableRanges
{
    private readonly Interval[][] byStep;

    private VariableRanges(Interval[][] byStep) => this.byStep = byStep;

    public static VariableRanges Of(ResolvedScenario scenario, StateReachability reach, IReadOnlyList<Interval> parameters)
    {
        var byStep = new Interval[scenario.Horizon + 1][];
        var initial = Enumerable.Repeat(Interval.Anything, scenario.Variables.Count).ToArray();
        foreach (var v in scenario.VariableInitialisationOrder)
            initial[v] = Interval.Of(scenario.Variables[v].Initial, parameters, i => initial[i], t => StateTest(reach, t, 0));
        byStep[0] = initial;
        for (var step = 1; step <= scenario.Horizon; step++)
        {
            var start = byStep[step - 1];
            var now = (Interval[])start.Clone();
            var at = step;
            Interval[] Apply(Interval[] before, IEnumerable<ResolvedEffect> effects)
            {
                var after = (Interval[])before.Clone();
                foreach (var effect in effects)
                {
                    var value = Interval.Of(effect.Value, parameters, i => start[i], t => StateTest(reach, t, at - 1));
                    var current = after[effect.Variable];
                    after[effect.Variable] = Finite(effect.Operator switch
                    {
                        EffectOperator.Set => value,
                        EffectOperator.Add => Interval.Binary(BinaryOperator.Add, current, value),
                        EffectOperator.Subtract => Interval.Binary(BinaryOperator.Subtract, current, value),
                        _ => Interval.Binary(BinaryOperator.Multiply, current, value),
                    });
                }
                return after;
            }
            // A machine takes one transition a step and is in one state: its effect lists are alternatives (or none applies).
            void Alternatives(IEnumerable<IReadOnlyList<ResolvedEffect>> lists)
            {
                var before = now;
                foreach (var effects in lists)
                {
                    var after = Apply(before, effects);
                    now = now.Zip(after, Interval.Hull).ToArray();
                }
            }
            for (var m = 0; m < scenario.Machines.Count; m++)
            {
                var machine = m;
                Alternatives(scenario.Machines[m].Transitions.Where(t => reach.Possible(machine, t.To, at)).Select(t => t.Effects));
            }
            for (var m = 0; m < scenario.Machines.Count; m++)
            {
                var machine = m;
                Alternatives(Enumerable.Range(0, scenario.Machines[m].States.Count).Where(s => reach.Possible(machine, s, at)).Select(s => scenario.Machines[machine].EachStep[s]));
            }
            byStep[step] = now;
        }
        return new VariableRanges(byStep);
    }

    /// <summary>The range of variable <paramref name="variable"/> after step <paramref name="step"/>.</summary>
    public Interval At(int variable, int step) => byStep[step][variable];

    /// <summary>The range of a state test after <paramref name="step"/>: true or false when every state the machine can be in decides it, else unknown.</summary>
    public static Interval StateTest(StateReachability reach, BoundStateTest test, int step)
    {
        var possible = reach.PossibleAt(test.Machine, step);
        var inside = possible.Count(s => ((test.StateMask >> s) & 1UL) != 0);
        return inside == 0 ? Interval.False : inside == possible.Count ? Interval.True : Interval.Unknown;
    }

    /// <summary>A range whose bounds are not numbers (∞ − ∞, 0 × ∞) says nothing: it becomes unbounded.</summary>
    private static Interval Finite(Interval range) =>
        double.IsNaN(range.Lower) || double.IsNaN(range.Upper) ? Interval.Anything : range;
}
