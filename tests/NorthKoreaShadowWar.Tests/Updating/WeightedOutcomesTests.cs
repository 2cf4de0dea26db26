using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Tests.Updating;

/// <summary>Weighted shares stay within [0, 1] when the same weights, added in different orders, round differently.</summary>
public class WeightedOutcomesTests
{
    [Test]
    public void The_share_of_never_is_not_below_zero_when_the_weights_sum_differently_in_value_order()
    {
        // In particle order 1 + 1e-16 + ... rounds to 1 at each addition; in value order the small weights come first
        // and add up to 4e-16 before the 1, so the weight of the trials where it happened exceeds the total by an ulp.
        float[] values = [5, 1, 1, 1, 1];
        double[] weights = [1, 1e-16, 1e-16, 1e-16, 1e-16];
        var result = WeightedOutcomes.Distribution("first", "first", values, weights, OutcomeKind.FirstStep, 1);
        Assert.That(result.Never, Is.EqualTo(0));
    }

    [TestCase(1.0000000000000002, 1.0, 1.0)]
    [TestCase(-1e-300, 1.0, 0.0)]
    [TestCase(0.25, 1.0, 0.25)]
    public void A_share_is_clamped_to_zero_and_one(double part, double whole, double expected) =>
        Assert.That(WeightedOutcomes.ShareOf(part, whole), Is.EqualTo(expected));

    [Test]
    public void A_share_of_no_weight_is_not_a_number() => Assert.That(WeightedOutcomes.ShareOf(0, 0), Is.NaN);
}
