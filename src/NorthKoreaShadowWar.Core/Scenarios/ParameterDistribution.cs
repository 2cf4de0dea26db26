using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Scenarios;

/// <summary>
/// How a parameter's value is chosen for each trial: a fixed number, a distribution drawn once per
/// trial, or an expression over other parameters. An optional <see cref="Clip"/> clamps a drawn value
/// into <c>[lower, upper]</c> (values beyond a bound are set to that bound).
/// </summary>
internal abstract record ParameterDistribution
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

    /// <summary>
    /// The value below which a share <paramref name="probability"/> of draws fall (the inverse of the distribution
    /// function), clipped: a clipped distribution puts the mass beyond a bound on the bound itself.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside [0, 1].</exception>
    public double Quantile(double probability)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(probability, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1);
        var value = QuantileUnclipped(probability);
        return Clip is { } clip ? Math.Clamp(value, clip.Lower, clip.Upper) : value;
    }

    /// <summary>The inverse distribution function before clipping.</summary>
    protected abstract double QuantileUnclipped(double probability);

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
