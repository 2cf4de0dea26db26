using System.Globalization;
using NorthKoreaShadowWar.Scenarios;

namespace NorthKoreaShadowWar.Description;

/// <summary>
/// A scenario's step unit (<see cref="StepUnits"/>) in words: "Week 6" in a story, "weeks" on an axis. A scenario
/// that names no unit counts plain steps.
/// </summary>
internal static class StepWords
{
    /// <summary>"Week 6", "Day 3", "Month 12", or "Step 4" when <paramref name="unit"/> is not a step unit.</summary>
    public static string Named(string unit, int step) =>
        StepUnits.All.Contains(unit) ? string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(unit[0])}{unit[1..]} {step}")
            : string.Create(CultureInfo.InvariantCulture, $"Step {step}");

    /// <summary>"weeks", "days", "months", or "steps" when <paramref name="unit"/> is not a step unit.</summary>
    public static string Plural(string unit) => StepUnits.All.Contains(unit) ? unit + "s" : "steps";
}
