using System.Globalization;
using MathNet.Numerics.Distributions;
using NorthKoreaShadowWar.Compilation;

namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// Draws one trial's parameters into its trial constants: each random parameter from its own stream, then the
/// values computed from them. The same code serves the simulator and conditional-exact runs, so trial i sees
/// the same parameter values in both.
/// <para>
/// Parameters in a correlated group go through a Gaussian copula: each draws a standard normal from its own stream,
/// the group's factor correlates them, and each parameter is the quantile of its distribution at the normal's
/// probability. Every other parameter draws exactly as it would without the <c>correlations</c> block.
/// </para>
/// </summary>
internal static class ParameterDraws
{
    /// <summary>Probabilities are kept this far inside (0, 1), so that an unbounded distribution's quantile stays finite.</summary>
    private const double ProbabilityMargin = 1e-300;

    /// <summary>The largest double below 1.</summary>
    private static readonly double AlmostOne = Math.BitDecrement(1.0);

    public static void Draw(CompiledModel model, ulong seed, long trial, double[] constants, StreamRandom random, double[] stack)
    {
        foreach (var parameter in model.IndependentParameters)
        {
            random.Reset(RandomStreams.For(seed, trial, RandomStreams.ForParameter(parameter)));
            constants[parameter] = model.ParameterDistributions[parameter].Sample(random);
        }
        foreach (var group in model.CorrelatedGroups) DrawCorrelated(model, group, seed, trial, constants, random);
        ComputeDerived(model, constants, stack);
    }

    /// <summary>Draws the parameters of one correlated group of trial <paramref name="trial"/> into <paramref name="constants"/>.</summary>
    public static void DrawCorrelated(CompiledModel model, CorrelatedGroup group, ulong seed, long trial, Span<double> constants, StreamRandom random)
    {
        var parameters = group.Parameters;
        var count = parameters.Length;
        Span<double> normals = count <= 64 ? stackalloc double[count] : new double[count];
        for (var i = 0; i < count; i++)
        {
            random.Reset(RandomStreams.For(seed, trial, RandomStreams.ForParameter(parameters[i])));
            normals[i] = Normal.Sample(random, 0, 1);
        }
        Correlate(model, group, normals, constants);
    }

    /// <summary>
    /// Sets the parameters of one correlated group from its independent standard <paramref name="normals"/> (one per
    /// parameter, in the group's order): the group's factor correlates them, and each parameter is the quantile of its
    /// distribution at its normal's probability.
    /// </summary>
    public static void Correlate(CompiledModel model, CorrelatedGroup group, ReadOnlySpan<double> normals, Span<double> constants)
    {
        var parameters = group.Parameters;
        var count = parameters.Length;
        var factor = group.Factor;
        for (var i = 0; i < count; i++)
        {
            var correlated = 0.0;
            for (var j = 0; j < count; j++) correlated += factor[i * count + j] * normals[j];
            constants[parameters[i]] = QuantileWithin(model.ParameterDistributions[parameters[i]], Normal.CDF(0, 1, correlated));
        }
    }

    /// <summary>
    /// The quantile of <paramref name="distribution"/> at <paramref name="probability"/>, kept just inside (0, 1) so that
    /// an unbounded distribution gives a finite value: how a uniform draw becomes a parameter value.
    /// </summary>
    public static double QuantileWithin(Scenarios.ParameterDistribution distribution, double probability) =>
        distribution.Quantile(Math.Clamp(probability, ProbabilityMargin, AlmostOne));

    /// <summary>Sets the random parameters to <paramref name="values"/> (in <see cref="CompiledModel.RandomParameters"/> order) instead of drawing them.</summary>
    public static void Set(CompiledModel model, ReadOnlySpan<double> values, double[] constants, double[] stack)
    {
        var parameters = model.RandomParameters;
        if (values.Length != parameters.Length)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"expected {parameters.Length} parameter values, got {values.Length}"), nameof(values));
        for (var i = 0; i < parameters.Length; i++) constants[parameters[i]] = values[i];
        ComputeDerived(model, constants, stack);
    }

    private static void ComputeDerived(CompiledModel model, double[] constants, double[] stack)
    {
        foreach (var (slot, program) in model.PerTrialSlotPrograms)
            constants[slot] = ModelCompiler.ClipDerived(model.Scenario, slot, model.Evaluate(program, constants, [], [], stack));
    }
}
