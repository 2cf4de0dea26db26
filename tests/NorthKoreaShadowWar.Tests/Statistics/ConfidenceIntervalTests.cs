using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Tests.Statistics;

public class ConfidenceIntervalTests
{
    [Test]
    public void Wilson_interval_matches_a_textbook_value()
    {
        // 81 successes in 263 trials: Wilson 95% interval (0.2553, 0.3662) (Newcombe 1998, table I style example).
        var (lower, upper) = ConfidenceIntervals.Wilson(81, 263);
        Assert.Multiple(() =>
        {
            Assert.That(lower, Is.EqualTo(0.2553).Within(5e-4));
            Assert.That(upper, Is.EqualTo(0.3662).Within(5e-4));
        });
    }

    [Test]
    public void Wilson_interval_stays_inside_zero_and_one_at_the_extremes()
    {
        var (lowerZero, upperZero) = ConfidenceIntervals.Wilson(0, 100);
        var (lowerAll, upperAll) = ConfidenceIntervals.Wilson(100, 100);
        Assert.Multiple(() =>
        {
            Assert.That(lowerZero, Is.EqualTo(0));
            Assert.That(upperZero, Is.EqualTo(0.0370).Within(1e-4));
            Assert.That(lowerAll, Is.EqualTo(0.9630).Within(1e-4));
            Assert.That(upperAll, Is.EqualTo(1));
        });
    }

    [Test]
    public void Mean_interval_is_mean_plus_minus_1_96_standard_errors()
    {
        var (lower, upper) = ConfidenceIntervals.Mean(10, 2, 400);
        Assert.Multiple(() =>
        {
            Assert.That(lower, Is.EqualTo(10 - 1.959964 * 0.1).Within(1e-6));
            Assert.That(upper, Is.EqualTo(10 + 1.959964 * 0.1).Within(1e-6));
        });
    }
}
