using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Compilation;

/// <summary>Compiles a resolved scenario into a <see cref="CompiledModel"/>.</summary>
internal static class ModelCompiler
{
    /// <summary>A table row with more contexts than this is evaluated dynamically instead.</summary>
    public const int MaximumContextsPerRow = 4096;

    /// <summary>
    /// Compiles <paramref name="scenario"/> in passes, each with one job: the parameters drawn and derived, the states
    /// numbered over all machines, the transitions, the rows (and each state's effects), what the outcomes track, the
    /// variables' initial values, the machines' initial distributions, the trial constants, and last the bounds of the rows that never change.
    /// The passes run in this order because the expressions are compiled in it: it numbers programs and slots.
    /// </summary>
    public static CompiledModel Compile(ResolvedScenario scenario)
    {
        var parameters = DrawnParameters.Of(scenario);
        var expressions = CompileDerivedParameters(scenario, parameters.IsRandom);
        var states = MachineStates.Of(scenario.Machines);
        var effects = new EffectListCompiler(expressions);
        var transitions = CompiledTransitions.Compile(scenario.Machines, expressions, effects);
        var rows = RowLayoutBuilder.Build(scenario.Machines, states, transitions, effects);
        var trackers = OutcomeTrackers.Compile(scenario.Outcomes, expressions);
        var variableInitialSources = scenario.Variables.Select(v => ~expressions.Program(v.Initial)).ToArray();
        var initialDistributions = InitialDistributionCode.Compile(scenario.Machines, expressions);
        var constants = TrialConstants.Evaluate(scenario, expressions);
        var model = new CompiledModel(scenario, parameters, states, transitions, effects, rows, trackers, variableInitialSources, initialDistributions, constants);
        TransitionTables.FillFixedRows(model);
        return model;
    }

    /// <summary>The first pass: one slot per parameter, and the programs of the derived ones in evaluation order.</summary>
    private static ExpressionCompiler CompileDerivedParameters(ResolvedScenario scenario, IReadOnlyList<bool> parameterIsRandom)
    {
        var expressions = new ExpressionCompiler(parameterIsRandom);
        foreach (var index in scenario.ParameterEvaluationOrder)
            if (scenario.Parameters[index].Derived is { } derived)
                expressions.DefineParameterSlot(index, derived);
        return expressions;
    }

    /// <summary>A derived parameter's value, clipped when its definition says so.</summary>
    internal static double ClipDerived(ResolvedScenario scenario, int slot, double value) =>
        slot < scenario.Parameters.Count && scenario.Parameters[slot].Distribution.Clip is { } clip
            ? Math.Clamp(value, clip.Lower, clip.Upper)
            : value;
}
