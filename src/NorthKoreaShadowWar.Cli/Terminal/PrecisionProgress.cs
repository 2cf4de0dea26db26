using System.Globalization;
using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar.Cli.Terminal;

/// <summary>Says on standard error how each batch of a precision-controlled run left the intervals, so a long run shows it is converging.</summary>
internal static class PrecisionProgress
{
    public static void Report(PrecisionBatch batch) =>
        Console.Error.WriteLine($"precision: {batch.Trials:N0} trials, {batch.Measures.Count(m => m.Met)} of {batch.Measures.Count} intervals within the target"
            + (batch.Widest is { Met: false } widest ? $"; widest: {Describe(widest)}" : ""));

    /// <summary>A measure's half-width and what is allowed: <c>mean of x ±0.0123 (allowed ±0.005)</c>.</summary>
    public static string Describe(PrecisionMeasure measure) =>
        $"{measure.Label} ±{Figures(measure.HalfWidth)} (allowed ±{Figures(measure.AllowedHalfWidth)})";

    private static string Figures(double value) => double.IsFinite(value) ? value.ToString("G3", CultureInfo.InvariantCulture) : "not yet known";
}
