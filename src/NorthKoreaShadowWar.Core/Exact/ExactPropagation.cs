using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Exact;

/// <summary>
/// Propagates the joint distribution of the machines' states for one setting of the parameters, and reads
/// off every distribution the outcomes need. First steps use a "taboo" distribution of the paths that have
/// not yet met the condition; step counts use the distribution of (joint state, count so far).
/// </summary>
internal static class ExactPropagation
{
    /// <summary>The most (transition entries × steps²) a <c>steps_in</c> outcome may cost.</summary>
    public const long MaximumStepCountWork = 400_000_000;

    public static ExactDistributions Run(CompiledModel model, JointStateSpace space, Matrix<double> transitions, double[] constants)
    {
        var horizon = model.Horizon;
        var start = Vector<double>.Build.Dense(space.Size);
        foreach (var (state, probability) in InitialJointDistribution.Of(model, space, constants)) start[state] = probability;
        var occupancy = model.StateCount.Select(count => Enumerable.Range(0, count).Select(_ => new double[horizon + 1]).ToArray()).ToArray();
        var current = start;
        var states = new int[model.MachineCount];
        for (var t = 0; t <= horizon; t++)
        {
            if (t > 0) current = transitions * current;
            for (var x = 0; x < space.Size; x++)
            {
                if (current[x] == 0) continue;
                space.Decode(x, states);
                for (var m = 0; m < states.Length; m++) occupancy[m][states[m]][t] += current[x];
            }
        }
        var firstSteps = model.FirstStepConditions.Select(c => FirstSteps(transitions, start, Mask(model, space, c, constants), horizon)).ToArray();
        var stepsIn = model.StepsInConditions.Select(c => StepCounts(transitions, space, start, Mask(model, space, c, constants), horizon)).ToArray();
        return new ExactDistributions(firstSteps, stepsIn, occupancy);
    }

    /// <summary>1 for the joint states in which the condition holds, 0 elsewhere.</summary>
    internal static Vector<double> Mask(CompiledModel model, JointStateSpace space, ConditionCode condition, double[] constants)
    {
        var mask = Vector<double>.Build.Dense(space.Size);
        var states = new int[model.MachineCount];
        var stack = new double[Math.Max(1, model.MaxStackDepth)];
        for (var x = 0; x < space.Size; x++)
        {
            space.Decode(x, states);
            var holds = condition.Program < 0
                ? (((condition.Mask >> states[condition.Machine]) & 1UL) != 0 ? 1 : 0)
                : model.Evaluate(condition.Program, constants, [], states, stack);
            if (double.IsNaN(holds))
                throw new SimulationException($"{NonFiniteReports.OfOutcome(model, condition.Program, constants, [], states, stack)}, in the exact solution for these parameters");
            mask[x] = holds;
        }
        return mask;
    }

    /// <summary>P(first step = t) for t = 0..horizon, then P(never) at index horizon + 1.</summary>
    private static double[] FirstSteps(Matrix<double> transitions, Vector<double> start, Vector<double> holds, int horizon)
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
    private static double[] StepCounts(Matrix<double> transitions, JointStateSpace space, Vector<double> start, Vector<double> holds, int horizon)
    {
        var work = (long)transitions.Storage.EnumerateNonZero().Count() * (horizon + 1) * horizon;
        if (work > MaximumStepCountWork)
            throw new ExactNotPossibleException(
                string.Create(CultureInfo.InvariantCulture, $"a steps_in outcome over {space.Size:N0} joint states and {horizon} steps needs about {work:N0} operations, more than {MaximumStepCountWork:N0} (use run)"));
        // Column k: the probability of each joint state with the condition held after k of the steps so far.
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
}
