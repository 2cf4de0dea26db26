namespace NorthKoreaShadowWar.Scenarios;

/// <summary>The lengths of a step a scenario may name in <c>step:</c> (docs/scenario-format.md); they only label output.</summary>
internal static class StepUnits
{
    /// <summary>Every step unit, as written in a scenario.</summary>
    public static readonly IReadOnlyList<string> All = ["day", "week", "month"];
}
