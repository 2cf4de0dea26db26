using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
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
public static class ExactSolver
{
    /// <summary>The most (joint state × step count) cells a <c>steps_in</c> outcome may need.</summary>
    public const long MaximumStepCountCells = 400_000_000;

    /// <summary>Solves <paramref name="model"/> exactly.</summary>
    /// <exception cref="ExactNotPossibleException">The scenario is not one exact propagation can solve; the message says why.</exception>
    public static RunResult Solve(CompiledModel model)
    {
        CheckApplicable(model);
        var stopwatch = Stopwatch.StartNew();
        var space = new JointStateSpace(model);
        var transitions = JointTransitions.Build(model, space);
        var horizon = model.Horizon;
        var states = new int[model.MachineCount];
        var start = Vector<double>.Build.Dense(space.Size);
        start[space.Encode(model.InitialState)] = 1;

        var distributions = new Vector<double>[horizon + 1];
        distributions[0] = start;
        for (var t = 1; t <= horizon; t++) distributions[t] = transitions * distributions[t - 1];

        var holds = model.FirstStepConditions.Select(c => Mask(model, space, c)).ToArray();
        var firstSteps = holds.Select(mask => FirstStepDistribution(transitions, start, mask, horizon)).ToArray();
        var stepsIn = model.StepsInConditions.Select(c => StepCountDistribution(model, transitions, space, start, Mask(model, space, c), horizon)).ToArray();
        stopwatch.Stop();

        var scenario = model.Scenario;
        var outcomes = scenario.Outcomes.Select((o, i) => ExactOutcomes.Outcome(scenario, o, model.OutcomeTracker[i], horizon, firstSteps, stepsIn,
            machine => MachineMarginal(model, space, distributions[horizon], machine))).ToList();
        var occupancy = scenario.Machines.Select((machine, m) => new MachineOccupancy(machine.Name,
            machine.States.Select((state, s) => (state, Enumerable.Range(0, horizon + 1)
                .Select(t => MachineMarginal(model, space, distributions[t], m)[s]).ToArray())).ToList())).ToList();
        var performance = new RunPerformance(1, 0, stopwatch.Elapsed.TotalSeconds, Process.GetCurrentProcess().PeakWorkingSet64);
        return new RunResult(ResultsBuilder.Manifest(scenario, seed: 0, trials: 0, method: "exact"), outcomes, occupancy, performance);
    }

    private static void CheckApplicable(CompiledModel model)
    {
        var scenario = model.Scenario;
        foreach (var index in model.RandomParameters)
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

    /// <summary>1 for the joint states in which the condition holds, 0 elsewhere.</summary>
    private static Vector<double> Mask(CompiledModel model, JointStateSpace space, ConditionCode condition)
    {
        var mask = Vector<double>.Build.Dense(space.Size);
        var states = new int[model.MachineCount];
        var stack = new double[Math.Max(1, model.MaxStackDepth)];
        for (var x = 0; x < space.Size; x++)
        {
            space.Decode(x, states);
            var holds = condition.Program < 0
                ? ((condition.Mask >> states[condition.Machine]) & 1UL) != 0
                : model.Evaluate(condition.Program, model.FixedSlots, [], states, stack) != 0;
            mask[x] = holds ? 1 : 0;
        }
        return mask;
    }

    /// <summary>P(first step = t) for t = 0..horizon, then P(never) at index horizon + 1.</summary>
    private static double[] FirstStepDistribution(Matrix<double> transitions, Vector<double> start, Vector<double> holds, int horizon)
    {
        var probabilities = new double[horizon + 2];
        var notYet = start.PointwiseMultiply(1 - holds);
        probabilities[0] = start.DotProduct(holds);
        for (var t = 1; t <= horizon; t++)
        {
            var moved = transitions * notYet;
            probabilities[t] = moved.DotProduct(holds);
            notYet = moved.PointwiseMultiply(1 - holds);
        }
        probabilities[horizon + 1] = notYet.Sum();
        return probabilities;
    }

    /// <summary>P(the condition holds after exactly k of the steps 1..horizon), k = 0..horizon.</summary>
    private static double[] StepCountDistribution(CompiledModel model, Matrix<double> transitions, JointStateSpace space, Vector<double> start, Vector<double> holds, int horizon)
    {
        var cells = (long)transitions.Storage.EnumerateNonZero().Count() * (horizon + 1) * horizon;
        if (cells > MaximumStepCountCells)
            throw new ExactNotPossibleException(
                $"a steps_in outcome over {space.Size:N0} joint states and {horizon} steps needs about {cells:N0} operations, more than {MaximumStepCountCells:N0} (use run)");
        // Column k holds the probability of each joint state with the condition held after k steps so far.
        var counts = Matrix<double>.Build.Dense(space.Size, horizon + 1);
        counts.SetColumn(0, start);
        for (var t = 1; t <= horizon; t++)
        {
            var moved = transitions * counts;
            var next = Matrix<double>.Build.Dense(space.Size, horizon + 1);
            for (var x = 0; x < space.Size; x++)
            {
                var shift = holds[x] > 0 ? 1 : 0;
                for (var k = 0; k + shift <= horizon && k <= t; k++) next[x, k + shift] += moved[x, k];
            }
            counts = next;
        }
        return Enumerable.Range(0, horizon + 1).Select(k => counts.Column(k).Sum()).ToArray();
    }

    /// <summary>The distribution of machine <paramref name="machine"/>'s state under the joint distribution.</summary>
    private static double[] MachineMarginal(CompiledModel model, JointStateSpace space, Vector<double> joint, int machine)
    {
        var marginal = new double[model.StateCount[machine]];
        var states = new int[model.MachineCount];
        for (var x = 0; x < space.Size; x++)
        {
            if (joint[x] == 0) continue;
            space.Decode(x, states);
            marginal[states[machine]] += joint[x];
        }
        return marginal;
    }
}
