using NorthKoreaShadowWar.Compilation;

namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// Whether the general loop runs a model's per-step code compiled to .NET code (the default) or interprets it. Both
/// give the same numbers bit for bit; the interpreter is the path for environments that cannot generate code, chosen
/// with <c>--no-codegen</c> or the environment variable <c>SHADOWWAR_NO_CODEGEN=1</c> (see docs/performance.md).
/// </summary>
internal static class CodeGeneration
{
    /// <summary>The environment variable that, set to 1, turns code generation off by default.</summary>
    public const string DisablingVariable = "SHADOWWAR_NO_CODEGEN";

    /// <summary>Whether simulators generate code unless told otherwise: true unless <see cref="DisablingVariable"/> is 1.</summary>
    public static bool ByDefault { get; set; } = Environment.GetEnvironmentVariable(DisablingVariable) != "1";

    /// <summary>Whether the model has code to generate: rows computed every step, per-trial tables, or effects.</summary>
    internal static bool HasPerStepCode(CompiledModel model) =>
        model.EffectLists.Length > 0 || model.Rows.Any(row => row.Kind == RowKind.Dynamic || row.PerTrial);
}
