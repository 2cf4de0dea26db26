using System.Globalization;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Randomness;

namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// The machines' states at step 0 (docs/scenario-format.md, "Uncertain starting points"). A machine with one initial
/// state starts there; the machines with an initial distribution each take one uniform draw u, in file order, from
/// the trial's own initial-state stream, and start in the first state (in the order written) whose cumulative
/// probability exceeds u. A scenario without initial distributions draws nothing, so its numbers are unchanged.
/// </summary>
internal static class InitialStates
{
    /// <summary>How far from 1 the probabilities may add up (rounding aside).</summary>
    public const double SumTolerance = 1e-9;

    /// <summary>Sets <paramref name="states"/> to trial <paramref name="trial"/>'s initial states, drawn from its own stream.</summary>
    public static void Draw(CompiledModel model, ulong seed, long trial, ReadOnlySpan<double> constants, Span<int> states, Span<double> stack)
    {
        if (model.InitialDistributions.Length == 0)
        {
            model.InitialState.CopyTo(states);
            return;
        }
        var random = RandomStreams.For(seed, trial, RandomStreams.InitialStates);
        Draw(model, ref random, trial, constants, states, stack);
    }

    /// <summary>
    /// Sets <paramref name="states"/> to initial states drawn from <paramref name="random"/>, one draw per initial
    /// distribution (none without any); <paramref name="trial"/> only names the trial in an error.
    /// </summary>
    public static void Draw(CompiledModel model, ref Xoroshiro128StarStar random, long trial, ReadOnlySpan<double> constants, Span<int> states, Span<double> stack)
    {
        model.InitialState.CopyTo(states);
        foreach (var distribution in model.InitialDistributions)
            states[distribution.Machine] = Choose(model, distribution, constants, random.NextDouble(), trial, stack);
    }

    /// <summary>The state a machine starts in for the uniform draw <paramref name="u"/>.</summary>
    private static int Choose(CompiledModel model, InitialDistributionCode distribution, ReadOnlySpan<double> constants, double u, long trial, Span<double> stack)
    {
        var total = Total(model, distribution, constants, stack, where: null, trial);
        var cumulative = 0.0;
        var last = distribution.States[0];
        for (var i = 0; i < distribution.States.Length; i++)
        {
            var p = model.Value(distribution.ProbabilitySources[i], constants, [], [], stack);
            if (p <= 0) continue;
            cumulative += p;
            last = distribution.States[i];
            // Divided by the total, so that a sum a rounding error short of 1 still covers every draw.
            if (u * total < cumulative) return last;
        }
        return last;
    }

    /// <summary>
    /// Checks the probabilities of one initial distribution for the given parameters (each a number, none negative,
    /// adding up to 1) and returns their sum; a violation stops with an error naming the machine and <paramref name="where"/>
    /// (null: "in trial <paramref name="trial"/>", written only then, so that a trial's setup allocates nothing).
    /// </summary>
    private static double Total(CompiledModel model, InitialDistributionCode distribution, ReadOnlySpan<double> constants, Span<double> stack,
        string? where, long trial = -1)
    {
        var total = 0.0;
        for (var i = 0; i < distribution.States.Length; i++)
        {
            var p = model.Value(distribution.ProbabilitySources[i], constants, [], [], stack);
            if (!double.IsFinite(p) || p < 0)
                throw new SimulationException($"{Describe(model, distribution)}: the initial probability of '{StateName(model, distribution, i)}' is {Format(p)}, {where ?? InTrial(trial)}; it must be a number between 0 and 1");
            total += p;
        }
        if (Math.Abs(total - 1) > SumTolerance)
            throw new SimulationException($"{Describe(model, distribution)}: the initial probabilities add up to {Format(total)}, {where ?? InTrial(trial)}; they must add up to 1");
        return total;
    }

    /// <summary>
    /// The probability of each state of each machine at step 0 for the given parameters: row m holds machine m's
    /// distribution over its states. Used by the exact solutions, whose initial joint distribution is the product.
    /// </summary>
    public static double[][] Marginals(CompiledModel model, ReadOnlySpan<double> constants, string where)
    {
        var stack = new double[Math.Max(1, model.MaxStackDepth)];
        var marginals = model.StateCount.Select(count => new double[count]).ToArray();
        for (var m = 0; m < marginals.Length; m++) marginals[m][model.InitialState[m]] = 1;
        foreach (var distribution in model.InitialDistributions)
        {
            var total = Total(model, distribution, constants, stack, where);
            var row = marginals[distribution.Machine];
            Array.Clear(row);
            for (var i = 0; i < distribution.States.Length; i++)
                row[distribution.States[i]] += Math.Max(0, model.Value(distribution.ProbabilitySources[i], constants, [], [], stack)) / total;
        }
        return marginals;
    }

    private static string Describe(CompiledModel model, InitialDistributionCode distribution) =>
        $"machine '{model.Scenario.Machines[distribution.Machine].Name}'";

    private static string StateName(CompiledModel model, InitialDistributionCode distribution, int i) =>
        model.Scenario.Machines[distribution.Machine].States[distribution.States[i]];

    private static string InTrial(long trial) => string.Create(CultureInfo.InvariantCulture, $"in trial {trial}");

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
