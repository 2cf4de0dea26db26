using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Tests.Statistics;

/// <summary>The ranks of order-statistic intervals for quantiles: textbook values, guaranteed coverage, both methods agree.</summary>
public class OrderStatisticIntervalTests
{
    [Test]
    public void The_median_of_100_values_is_bounded_by_the_40th_and_61st_with_coverage_0_9648()
    {
        // Conover, Practical Nonparametric Statistics (3rd ed.), the median's 95% interval for n = 100.
        var (lower, upper) = OrderStatisticInterval.Ranks(100, 0.5);
        Assert.Multiple(() =>
        {
            Assert.That((lower, upper), Is.EqualTo((40L, 61L)));
            Assert.That(OrderStatisticInterval.Coverage(100, 0.5, lower, upper), Is.EqualTo(0.9648).Within(1e-4));
        });
    }

    [Test]
    public void Every_reported_quantile_has_at_least_95_percent_coverage_with_each_tail_at_most_2_5_percent()
    {
        foreach (var count in new long[] { 1, 2, 5, 10, 20, 59, 60, 100, 333, 1_000, 10_000, 1_000_000 })
            foreach (var (label, q) in NorthKoreaShadowWar.Results.ResultsBuilder.ReportedQuantiles)
            {
                var (lower, upper) = OrderStatisticInterval.Ranks(count, q);
                Assert.Multiple(() =>
                {
                    Assert.That(lower, Is.InRange(0, count), $"{label}, n = {count}");
                    Assert.That(upper, Is.InRange(1, count + 1), $"{label}, n = {count}");
                    Assert.That(lower, Is.LessThanOrEqualTo(QuantileRank.Of(q, count)), $"{label}, n = {count}: the interval holds the estimate");
                    Assert.That(upper, Is.GreaterThanOrEqualTo(QuantileRank.Of(q, count)), $"{label}, n = {count}: the interval holds the estimate");
                    Assert.That(OrderStatisticInterval.Coverage(count, q, lower, count + 1), Is.GreaterThanOrEqualTo(0.975 - 1e-12), $"{label}, n = {count}: lower tail");
                    Assert.That(OrderStatisticInterval.Coverage(count, q, 0, upper), Is.GreaterThanOrEqualTo(0.975 - 1e-12), $"{label}, n = {count}: upper tail");
                    Assert.That(OrderStatisticInterval.Coverage(count, q, lower, upper), Is.GreaterThanOrEqualTo(0.95 - 1e-12), $"{label}, n = {count}");
                });
            }
    }

    [Test]
    public void The_ranks_are_the_tightest_equal_tailed_ones()
    {
        // One rank inward on either side would leave more than 2.5% in that tail.
        foreach (var count in new long[] { 50, 200, 5_000 })
            foreach (var (_, q) in NorthKoreaShadowWar.Results.ResultsBuilder.ReportedQuantiles)
            {
                var (lower, upper) = OrderStatisticInterval.Ranks(count, q);
                Assert.Multiple(() =>
                {
                    Assert.That(OrderStatisticInterval.Coverage(count, q, lower + 1, count + 1), Is.LessThan(0.975), $"n = {count}, q = {q}");
                    Assert.That(OrderStatisticInterval.Coverage(count, q, 0, upper - 1), Is.LessThan(0.975), $"n = {count}, q = {q}");
                });
            }
    }

    [Test]
    public void Too_few_values_leave_the_tail_side_unbounded()
    {
        // 0.95^20 = 36% of samples of 20 have no value below the 5th percentile: no rank can bound it from below.
        Assert.Multiple(() =>
        {
            Assert.That(OrderStatisticInterval.Ranks(20, 0.05).Lower, Is.EqualTo(0));
            Assert.That(OrderStatisticInterval.Ranks(20, 0.95).Upper, Is.EqualTo(21));
            Assert.That(OrderStatisticInterval.Ranks(0, 0.5), Is.EqualTo((0L, 1L)));
        });
    }

    [TestCase(1_000_000L)]
    [TestCase(100_000_000L)]
    [TestCase(2_000_000_000L)]
    public void The_normal_approximation_used_beyond_two_billion_values_agrees_with_the_binomial_to_one_rank(long count)
    {
        foreach (var (_, q) in NorthKoreaShadowWar.Results.ResultsBuilder.ReportedQuantiles)
        {
            var exact = OrderStatisticInterval.Ranks(count, q);
            var normal = OrderStatisticInterval.NormalRanks(count, q, 0.025);
            Assert.Multiple(() =>
            {
                Assert.That(normal.Lower, Is.EqualTo(exact.Lower).Within(1), $"q = {q}");
                Assert.That(normal.Upper, Is.EqualTo(exact.Upper).Within(1), $"q = {q}");
            });
        }
    }

    [Test]
    public void Values_at_ranks_outside_the_values_are_infinite()
    {
        var sketch = new QuantileSketch();
        foreach (var value in new[] { 3.0, 1, 2 }) sketch.Add(value);
        long[] counts = [0, 2, 1];
        Assert.Multiple(() =>
        {
            Assert.That(sketch.ValueAtRank(0), Is.EqualTo(double.NegativeInfinity));
            Assert.That(sketch.ValueAtRank(1), Is.EqualTo(1));
            Assert.That(sketch.ValueAtRank(3), Is.EqualTo(3));
            Assert.That(sketch.ValueAtRank(4), Is.EqualTo(double.PositiveInfinity));
            Assert.That(IntegerHistogram.ValueAtRank(counts, 0), Is.EqualTo(double.NegativeInfinity));
            Assert.That(IntegerHistogram.ValueAtRank(counts, 2), Is.EqualTo(1));
            Assert.That(IntegerHistogram.ValueAtRank(counts, 3), Is.EqualTo(2));
            Assert.That(IntegerHistogram.ValueAtRank(counts, 4), Is.EqualTo(double.PositiveInfinity));
        });
    }
}
