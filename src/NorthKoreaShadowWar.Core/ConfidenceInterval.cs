using System.Text;

namespace NorthKoreaShadowWar;

/// <summary>
/// A 95% confidence interval: for a probability the Wilson score interval, for a mean the normal interval
/// (mean ± 1.96 sd/√n), for a quantile the distribution-free interval between two order statistics. An exact
/// answer has an interval of zero width; a side too few trials cannot bound is infinite.
/// </summary>
/// <param name="Lower">The lower end.</param>
/// <param name="Upper">The upper end.</param>
public readonly record struct ConfidenceInterval(double Lower, double Upper)
{
    /// <summary>Half the width: the "±" of the estimate.</summary>
    public double HalfWidth => (Upper - Lower) / 2;

    /// <summary>True when <paramref name="value"/> lies in the interval, ends included.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    internal static ConfidenceInterval Of((double Lower, double Upper) interval) => new(interval.Lower, interval.Upper);

    private bool PrintMembers(StringBuilder builder) => RecordMembers.Print(builder, ("Lower", Lower), ("Upper", Upper), ("HalfWidth", HalfWidth));
}
