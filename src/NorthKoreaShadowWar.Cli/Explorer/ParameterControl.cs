using NorthKoreaShadowWar.Scenarios;

namespace NorthKoreaShadowWar.Cli.Explorer;

/// <summary>
/// How the page offers one parameter: a slider from <see cref="Minimum"/> to <see cref="Maximum"/> starting at
/// <see cref="Start"/>. For a drawn parameter the range is its support where finite and its 1st and 99th percentiles
/// otherwise, and the slider starts at the median; a fixed value gets a range around it. A computed parameter
/// (an expression over others) has no slider.
/// </summary>
/// <param name="Name">The parameter's name, as <c>--set</c> takes it.</param>
/// <param name="Kind"><c>fixed</c>, <c>drawn</c> or <c>computed</c>.</param>
/// <param name="Definition">The definition in words, e.g. <c>uniform(0.002, 0.012)</c>.</param>
/// <param name="Value">The value of a fixed parameter; null otherwise.</param>
/// <param name="Minimum">The slider's lower end; null for a computed parameter.</param>
/// <param name="Maximum">The slider's upper end; null for a computed parameter.</param>
/// <param name="Start">Where the slider starts: the fixed value, or the median of a drawn one.</param>
internal sealed record ParameterControl(string Name, string Kind, string Definition, double? Value, double? Minimum, double? Maximum, double? Start)
{
    /// <summary>The control for <paramref name="parameter"/>.</summary>
    public static ParameterControl For(ParameterDefinition parameter)
    {
        var distribution = parameter.Distribution;
        var definition = distribution.Describe();
        switch (distribution)
        {
            case DerivedValue:
                return new(parameter.Name, "computed", definition, null, null, null, null);
            case FixedValue fixedValue:
                var (low, high) = AroundFixed(fixedValue.Value);
                return new(parameter.Name, "fixed", definition, fixedValue.Value, low, high, fixedValue.Value);
            default:
                var (lower, upper) = distribution.Support;
                var minimum = double.IsFinite(lower) ? lower : distribution.Quantile(0.01);
                var maximum = double.IsFinite(upper) ? upper : distribution.Quantile(0.99);
                if (!(maximum > minimum)) (minimum, maximum) = AroundFixed(minimum);
                return new(parameter.Name, "drawn", definition, null, minimum, maximum, Math.Clamp(distribution.Quantile(0.5), minimum, maximum));
        }
    }

    /// <summary>
    /// A range around a fixed value: from 0 to twice the value (from twice the value to 0 when negative; capped at 1
    /// for a value that is at most 1, which is usually a probability or a share); 0 to 1 for 0.
    /// </summary>
    internal static (double Minimum, double Maximum) AroundFixed(double value) => value switch
    {
        0 => (0, 1),
        < 0 => (2 * value, 0),
        <= 1 => (0, Math.Min(1, 2 * value)),
        _ => (0, 2 * value),
    };
}
