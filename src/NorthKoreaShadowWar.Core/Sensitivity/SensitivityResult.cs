using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Sensitivity;

/// <summary>A finished sensitivity analysis: what was analysed, how, and each outcome's tornado and Sobol indices.</summary>
internal sealed record SensitivityResult
{
    /// <summary>The scenario analysed (with its variant and overrides applied).</summary>
    public required ResolvedScenario Scenario { get; init; }

    /// <summary>The variant applied, if any (for the report).</summary>
    public string? Variant { get; init; }

    /// <summary>The <c>--set</c> overrides applied (for the report).</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>The sizes, seed and threads used.</summary>
    public required SensitivitySettings Settings { get; init; }

    /// <summary>The uncertain parameters analysed, in the scenario's order.</summary>
    public required IReadOnlyList<string> Parameters { get; init; }

    /// <summary>One entry per outcome asked for, in the order asked.</summary>
    public required IReadOnlyList<OutcomeSensitivity> Outcomes { get; init; }

    /// <summary>Things the reader must know about the numbers (correlated parameters drawn independently).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Trials run in all (tornado and Sobol design).</summary>
    public long Trials { get; init; }

    /// <summary>Machine-steps simulated in all.</summary>
    public long MachineSteps { get; init; }

    /// <summary>Wall time of the trial loops, tornado and Sobol design together.</summary>
    public TimeSpan SimulateTime { get; init; }
}
