using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Semantics;

/// <summary>A number an engine gives, and how far from the exact answer it may be.</summary>
internal abstract record Reading(double Value)
{
    /// <summary>How far <see cref="Reading.Value"/> may be from <paramref name="expected"/>, the exact answer.</summary>
    public abstract double AllowedError(double expected);
}

/// <summary>A number computed exactly (up to rounding): within <see cref="Precision"/> of the answer.</summary>
internal sealed record ExactReading(double Value) : Reading(Value)
{
    public const double Precision = 1e-12;

    public override double AllowedError(double expected) => Precision;
}

/// <summary>A share of <paramref name="Trials"/> trials: within 5 standard errors of a proportion around the answer.</summary>
internal sealed record ProportionReading(double Value, long Trials) : Reading(Value)
{
    public override double AllowedError(double expected) => Tolerance.Proportion(expected, Trials);
}

/// <summary>A mean of <paramref name="Count"/> values: within 5 standard errors of the mean.</summary>
internal sealed record MeanReading(double Value, double StandardDeviation, long Count) : Reading(Value)
{
    public override double AllowedError(double expected) => Tolerance.Mean(StandardDeviation, Count);
}
