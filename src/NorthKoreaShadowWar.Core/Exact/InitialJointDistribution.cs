using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Exact;

/// <summary>
/// The joint distribution of the machines' states at step 0: the product of each machine's initial distribution (one
/// state with probability 1 for a machine with a single initial state), since each machine's start is drawn on its own.
/// </summary>
internal static class InitialJointDistribution
{
    /// <summary>The joint states with positive probability at step 0 and their probabilities, for the parameters in <paramref name="constants"/>.</summary>
    public static IReadOnlyList<(int State, double Probability)> Of(CompiledModel model, JointStateSpace space, double[] constants)
    {
        var marginals = InitialStates.Marginals(model, constants, "in the exact solution for these parameters");
        var entries = new List<(int, double)>();
        var states = new int[model.MachineCount];
        void Fill(int machine, double probability)
        {
            if (machine == states.Length)
            {
                entries.Add((space.Encode(states), probability));
                return;
            }
            for (var s = 0; s < marginals[machine].Length; s++)
            {
                if (marginals[machine][s] <= 0) continue;
                states[machine] = s;
                Fill(machine + 1, probability * marginals[machine][s]);
            }
        }
        Fill(0, 1);
        return entries;
    }
}
