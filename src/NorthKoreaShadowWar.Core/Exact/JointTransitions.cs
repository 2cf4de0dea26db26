using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using NorthKoreaShadowWar.Compilation;

namespace NorthKoreaShadowWar.Exact;

/// <summary>
/// The one-step transition matrix of the whole scenario over joint states, transposed so that
/// <c>next = Matrix * current</c> propagates a distribution by one step. Built from the compiled transition
/// tables: given a joint state, each machine's row and context give it a distribution over next states,
/// and the machines move independently given the joint state (synchronous update).
/// </summary>
internal static class JointTransitions
{
    /// <summary>The most non-zero entries the matrix may have.</summary>
    public const long MaximumEntries = 60_000_000;

    /// <summary>The matrix for the model's fixed parameters.</summary>
    public static Matrix<double> Build(CompiledModel model, JointStateSpace space) => Build(model, space, model.FixedBounds);

    /// <summary>The matrix for one draw of the parameters, whose table bounds are <paramref name="bounds"/>.</summary>
    public static Matrix<double> Build(CompiledModel model, JointStateSpace space, double[] bounds)
    {
        var machines = model.MachineCount;
        var entries = new List<(int Row, int Column, double Value)>();
        var states = new int[machines];
        var next = new int[machines];
        var perMachine = new List<(int Target, double Probability)>[machines];
        for (var m = 0; m < machines; m++) perMachine[m] = [];
        var accumulated = new Dictionary<int, double>();
        for (var from = 0; from < space.Size; from++)
        {
            space.Decode(from, states);
            for (var m = 0; m < machines; m++) RowDistribution(model, bounds, m, states, perMachine[m]);
            accumulated.Clear();
            Enumerate(0, 1.0);
            foreach (var (to, probability) in accumulated) entries.Add((to, from, probability));
            if (entries.Count > MaximumEntries)
                throw new ExactNotPossibleException(string.Create(CultureInfo.InvariantCulture, $"the joint transition matrix would have more than {MaximumEntries:N0} non-zero entries (use run)"));

            void Enumerate(int machine, double probability)
            {
                if (machine == machines)
                {
                    var to = space.Encode(next);
                    accumulated[to] = accumulated.GetValueOrDefault(to) + probability;
                    return;
                }
                foreach (var (target, p) in perMachine[machine])
                {
                    next[machine] = target;
                    Enumerate(machine + 1, probability * p);
                }
            }
        }
        return Matrix<double>.Build.SparseOfIndexed(space.Size, space.Size, entries);
    }

    /// <summary>Machine <paramref name="machine"/>'s next-state distribution in joint state <paramref name="states"/>, from its table row.</summary>
    private static void RowDistribution(CompiledModel model, double[] allBounds, int machine, int[] states, List<(int Target, double Probability)> distribution)
    {
        distribution.Clear();
        var state = states[machine];
        ref readonly var row = ref model.Rows[model.StateOffset[machine] + state];
        if (row.Kind == RowKind.Stay)
        {
            distribution.Add((state, 1));
            return;
        }
        var context = 0;
        for (var d = row.DependencyStart; d < row.DependencyStart + row.DependencyCount; d++)
            context += states[model.DependencyMachine[d]] * model.DependencyStride[d];
        var bounds = allBounds.AsSpan(row.BoundsOffset + context * row.BoundsStride, row.BoundsStride);
        var previous = 0.0;
        for (var k = 0; k < row.OutcomeCount; k++)
        {
            var upper = k < row.OutcomeCount - 1 ? bounds[k] : 1.0;
            var probability = Math.Max(0, upper - previous);
            previous = Math.Max(previous, upper);
            if (probability > 0) distribution.Add((model.Outcomes[row.OutcomeOffset + k].Target, probability));
        }
    }
}
