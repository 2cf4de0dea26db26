using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Scenarios;

/// <summary>
/// How a parameter's value is chosen for each trial: a fixed number, a distribution drawn once per
/// trial, or an expression over other parameters. An optional <see cref="Clip"/> clamps a drawn value
/// into <c>[lower, upper]</c> (values beyond a bound are set to that bound).
/// </summary>
public abstract record ParameterDistribution
{
    /// <summary>Bounds that clamp every drawn value, or null.</summary>
    public (double Lower, double Upper)? Clip { get; init; }

    /// <summary>The smallest and largest values a draw can take, after clipping (infinite where unbounded).</summary>
    public (double Lower, double Upper) Support
    {
        get
        {
            var (lower, upper) = UnclippedSupport;
            return Clip is { } clip ? (Math.Max(lower, clip.Lower), Math.Min(upper, clip.Upper)) : (lower, upper);
        }
    }

    /// <summary>True when every trial gets the same value.</summary>
    public virtual bool IsFixed => false;

    /// <summary>The support before clipping.</summary>
    protected abstract (double Lower, double Upper) UnclippedSupport { get; }

    /// <summary>Draws one value from <paramref name="random"/>, clipped.</summary>
    public double Sample(Random random)
    {
        var value = SampleUnclipped(random);
        return Clip is { } clip ? Math.Clamp(value, clip.Lower, clip.Upper) : value;
    }

    /// <summary>Draws one value before clipping.</summary>
    protected abstract double SampleUnclipped(Random random);

    /// <summary>A short human description, e.g. <c>uniform(0.05, 0.2)</c>.</summary>
    public string Describe() =>
        Clip is { } clip ? $"{DescribeUnclipped()} clipped to [{Format(clip.Lower)}, {Format(clip.Upper)}]" : DescribeUnclipped();

    /// <summary>The description before clipping.</summary>
    protected abstract string DescribeUnclipped();

    /// <summary>Formats a number compactly and culture-independently.</summary>
    protected static string Format(double value) => value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Where the definition was written; set by the loader.</summary>
    public SourcePosition Position { get; init; }
}
