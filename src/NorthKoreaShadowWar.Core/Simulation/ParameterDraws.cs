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
        foreach (var (slot, program) in model.PerTrialSlotPrograms)
            constants[slot] = ModelCompiler.ClipDerived(model.Scenario, slot, model.Evaluate(program, constants, [], [], stack));
    }
}
