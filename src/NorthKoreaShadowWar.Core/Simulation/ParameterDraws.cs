using NorthKoreaShadowWar.Compilation;

namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// Draws one trial's parameters into its trial constants: each random parameter from its own stream, then the
/// values computed from them. The same code serves the simulator and conditional-exact runs, so trial i sees
/// the same parameter values in both.
/// </summary>
internal static class ParameterDraws
{
    public static void Draw(CompiledModel model, ulong seed, long trial, double[] constants, StreamRandom random, double[] stack)
    {
        foreach (var parameter in model.RandomParameters)
        {
            random.Reset(RandomStreams.For(seed, trial, RandomStreams.ForParameter(parameter)));
            constants[parameter] = model.ParameterDistributions[parameter].Sample(random);
        }
        ComputeDerived(model, constants, stack);
    }

    /// <summary>Sets the random parameters to <paramref name="values"/> (in <see cref="CompiledModel.RandomParameters"/> order) instead of drawing them.</summary>
    public static void Set(CompiledModel model, ReadOnlySpan<double> values, double[] constants, double[] stack)
    {
        var parameters = model.RandomParameters;
        if (values.Length != parameters.Length)
            throw new ArgumentException($"expected {parameters.Length} parameter values, got {values.Length}", nameof(values));
        for (var i = 0; i < parameters.Length; i++) constants[parameters[i]] = values[i];
        ComputeDerived(model, constants, stack);
    }

    private static void ComputeDerived(CompiledModel model, double[] constants, double[] stack)
    {
        foreach (var (slot, program) in model.PerTrialSlotPrograms)
            constants[slot] = ModelCompiler.ClipDerived(model.Scenario, slot, model.Evaluate(program, constants, [], [], stack));
    }
}
