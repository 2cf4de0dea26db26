using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace NorthKoreaShadowWar.Compilation.Generated;

/// <summary>
/// A model's steps compiled to .NET code (System.Linq.Expressions, compiled once per model and cached with it): one
/// function for a trial's steps (<see cref="TrialStepsCode"/>), the moves of every machine and the end of each step
/// inline. It computes
/// exactly what the interpreter (<see cref="CompiledModel.EffectiveProbability"/>,
/// <see cref="ProgramEvaluator"/>) computes, operation for operation, so every number is the same bit for bit (see
/// docs/performance.md, "Generated code").
/// </summary>
internal sealed class GeneratedModelCode
{
    private static readonly ConditionalWeakTable<CompiledModel, GeneratedModelCode> Cache = [];

    private GeneratedModelCode(TrialSteps steps, TimeSpan compileTime)
    {
        Steps = steps;
        CompileTime = compileTime;
    }

    /// <summary>A trial's steps: the moves of every machine, each machine's rows a <c>switch</c> on its state, and the end of each step.</summary>
    public TrialSteps Steps { get; }

    /// <summary>How long generating and compiling the code took.</summary>
    public TimeSpan CompileTime { get; }

    /// <summary>
    /// The code generated for models of one structure (<see cref="GeneratedCodeKey"/>): models that differ only in the
    /// values of their parameters (the explorer's sliders, sweeps, <c>--set</c>) share it, as it reads those values
    /// from the trial constants at run time. Cleared when it holds too many.
    /// </summary>
    private static readonly ConcurrentDictionary<string, GeneratedModelCode> ByStructure = new(StringComparer.Ordinal);

    private const int MaximumStructures = 256;

    /// <summary>
    /// The generated code of <paramref name="model"/>, generated on first use and then shared by every thread, and by
    /// every model of the same structure.
    /// </summary>
    public static GeneratedModelCode For(CompiledModel model) => Cache.GetValue(model, ForStructure);

    private static GeneratedModelCode ForStructure(CompiledModel model)
    {
        var key = GeneratedCodeKey.Of(model);
        if (ByStructure.TryGetValue(key, out var shared)) return shared;
        if (ByStructure.Count >= MaximumStructures) ByStructure.Clear();
        return ByStructure.GetOrAdd(key, _ => Generate(model));
    }

    private static GeneratedModelCode Generate(CompiledModel model)
    {
        var stopwatch = Stopwatch.StartNew();
        var steps = TrialStepsCode.Compile(model);
        return new GeneratedModelCode(steps, stopwatch.Elapsed);
    }
}
