using System.Diagnostics;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Scenarios;

namespace NorthKoreaShadowWar.Exact;

/// <summary>
/// Exact answers for scenarios whose parameters are fixed and whose transitions and outcomes read only
/// machine states: the joint distribution over every combination of states is propagated step by step
/// (a sparse matrix-vector product per step), and every outcome is read off it. First steps use a "taboo"
/// distribution of the paths that have not yet met the condition; step counts use the distribution of
/// (joint state, count). The results have the same shape as a Monte Carlo run, with intervals of zero width.
/// </summary>
internal static class ExactSolver
{
    /// <summary>Solves <paramref name="model"/> exactly.</summary>
    /// <exception cref="ExactNotPossibleException">The scenario is not one exact propagation can solve; the message says why.</exception>
    public static RunResult Solve(CompiledModel model)
    {
        CheckApplicable(model, allowParameterDraws: false);
        var stopwatch = Stopwatch.StartNew();
        var space = new JointStateSpace(model);
        var distributions = ExactPropagation.Run(model, space, JointTransitions.Build(model, space), model.FixedSlots);
        stopwatch.Stop();
        return Results(model, distributions, "exact", stopwatch.Elapsed.TotalSeconds);
    }

    /// <summary>The results of a run from exact distributions, with intervals of zero width.</summary>
    internal static RunResult Results(CompiledModel model, ExactDistributions distributions, string method, double seconds)
    {
        var scenario = model.Scenario;
        var outcomes = scenario.Outcomes.Select((o, i) => ExactOutcomes.Outcome(scenario, o, model.OutcomeTracker[i], model.Horizon,
            distributions.FirstSteps, distributions.StepsIn, machine => distributions.Occupancy[machine].Select(shares => shares[model.Horizon]).ToArray())).ToList();
        var occupancy = scenario.Machines.Select((machine, m) => new MachineOccupancy(machine.Name,
            machine.States.Select((state, s) => (state, distributions.Occupancy[m][s])).ToList())).ToList();
        var performance = new RunPerformance(1, 0, seconds, Process.GetCurrentProcess().PeakWorkingSet64);
        return new RunResult(ResultsBuilder.Manifest(scenario, seed: 0, trials: 0, method: method), outcomes, occupancy, performance);
    }

    /// <summary>Throws when exact propagation cannot solve <paramref name="model"/>, saying why.</summary>
    internal static void CheckApplicable(CompiledModel model, bool allowParameterDraws)
    {
        var scenario = model.Scenario;
        foreach (var index in allowParameterDraws ? [] : model.RandomParameters)
        {
            var parameter = scenario.Parameters[index];
            throw new ExactNotPossibleException(
                $"parameter '{parameter.Name}' is drawn from {parameter.Distribution.Describe()}; exact needs fixed parameters (fix it with --set {parameter.Name}=VALUE, or use run)");
        }
        for (var m = 0; m < model.MachineCount; m++)
            for (var s = 0; s < model.StateCount[m]; s++)
                if (model.Rows[model.StateOffset[m] + s].Kind == RowKind.Dynamic)
                    throw new ExactNotPossibleException(
                        $"the transitions leaving state '{scenario.Machines[m].States[s]}' of machine '{scenario.Machines[m].Name}' read variables; exact tracks machine states only (use run)");
        foreach (var outcome in scenario.Outcomes)
        {
            if (outcome.Kind == OutcomeKind.Value)
                throw new ExactNotPossibleException($"outcome '{outcome.Name}' is the value of variables; exact tracks machine states only (use run)");
            if (outcome.Kind is OutcomeKind.Reached or OutcomeKind.FirstStep or OutcomeKind.StepsIn && Expressions.BoundExpressionFacts.ReadsVariables(outcome.Condition!))
                throw new ExactNotPossibleException($"the condition of outcome '{outcome.Name}' reads variables; exact tracks machine states only (use run)");
        }
    }
}
