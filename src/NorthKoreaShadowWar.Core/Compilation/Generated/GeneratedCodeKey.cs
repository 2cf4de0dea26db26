using System.Globalization;
using System.Text;

namespace NorthKoreaShadowWar.Compilation.Generated;

/// <summary>
/// Everything of a compiled model that its generated code depends on, as text: the programs, transitions, multipliers,
/// effects, the machines' states, the rows' layout and their outcomes, the outcome conditions. Two models with the same key get the same code: it reads
/// parameter values and trial constants from arrays at run time, never from the model.
/// </summary>
internal static class GeneratedCodeKey
{
    public static string Of(CompiledModel model)
    {
        var key = new StringBuilder();
        foreach (var i in model.Code)
            key.Append(CultureInfo.InvariantCulture, $"{i.Code} {i.Index} {i.Number:R} {i.Mask};");
        key.Append('|');
        foreach (var p in model.Programs) key.Append(CultureInfo.InvariantCulture, $"{p.Start} {p.Length};");
        key.Append('|');
        foreach (var t in model.Transitions)
            key.Append(CultureInfo.InvariantCulture, $"{t.Target} {t.GuardProgram} {t.ProbabilitySource} {t.MultiplierStart} {t.MultiplierCount} {t.Effects};");
        key.Append('|');
        foreach (var m in model.Multipliers) key.Append(CultureInfo.InvariantCulture, $"{m.ConditionProgram} {m.FactorSource};");
        key.Append('|');
        foreach (var e in model.Effects) key.Append(CultureInfo.InvariantCulture, $"{e.Variable} {e.Operator} {e.Source};");
        key.Append('|');
        foreach (var l in model.EffectLists) key.Append(CultureInfo.InvariantCulture, $"{l.Start} {l.Count};");
        key.Append('|');
        foreach (var r in model.Rows)
            key.Append(CultureInfo.InvariantCulture,
                $"{r.Kind} {r.Flags} {r.PerTrial} {r.TransitionStart} {r.TransitionCount} {r.OutcomeOffset} {r.OutcomeCount} {r.BoundsStride} " +
                $"{r.BoundsOffset} {r.StampOffset} {r.DependencyCount} {r.FirstDependencyMachine} {r.FirstDependencyStride} " +
                $"{r.SecondDependencyMachine} {r.SecondDependencyStride} {r.EachStepEffects};");
        key.Append('|');
        foreach (var o in model.Outcomes) key.Append(CultureInfo.InvariantCulture, $"{o.Target} {o.Effects};");
        foreach (var conditions in new[] { model.FirstStepConditions, model.StepsInConditions })
        {
            key.Append('|');
            foreach (var c in conditions) key.Append(CultureInfo.InvariantCulture, $"{c.Machine} {c.Mask} {c.Program};");
        }
        foreach (var array in new[] { model.StateOffset, model.RowTransitions, model.OutcomeTransitionStart, model.OutcomeTransitionCount, model.OutcomeTransitions })
        {
            key.Append('|');
            foreach (var value in array) key.Append(CultureInfo.InvariantCulture, $"{value};");
        }
        return key.ToString();
    }
}
