using MathNet.Numerics.Distributions;
using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Scenarios;

public class ParameterQuantileTests
{
    private static readonly Dictionary<string, ParameterDistribution> Distributions = new()
    {
        ["uniform"] = new UniformDistribution(0.1, 0.4),
        ["normal"] = new NormalDistribution(3, 2),
        ["lognormal"] = LogNormalDistribution.FromPercentiles(3000, 12000),
        ["beta"] = new BetaDistribution(2, 5),
        ["pert"] = new PertDistribution(1, 2, 6),
        ["triangular"] = new TriangularDistribution(0, 1, 4),
    };

    private static IEnumerable<string> DistributionNames => Distributions.Keys;

    [TestCaseSource(nameof(DistributionNames))]
    public void A_share_q_of_draws_falls_at_or_below_the_q_quantile(string name)
    {
        var distribution = Distributions[name];
        const int draws = 20_000;
        var random = new Random(7);
        var sample = Enumerable.Range(0, draws).Select(_ => distribution.Sample(random)).ToArray();
        foreach (var q in new[] { 0.1, 0.5, 0.9 })
        {
            var quantile = distribution.Quantile(q);
            var share = sample.Count(x => x <= quantile) / (double)draws;
            Assert.That(share, Is.EqualTo(q).Within(Tolerance.Proportion(q, draws)), $"q = {q}, quantile {quantile}");
        }
    }

    [Test]
    public void Quantiles_match_closed_forms()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new UniformDistribution(2, 6).Quantile(0.25), Is.EqualTo(3).Within(1e-12));
            Assert.That(new NormalDistribution(1, 2).Quantile(0.975), Is.EqualTo(1 + 2 * 1.959963984540054).Within(1e-9));
            Assert.That(LogNormalDistribution.FromPercentiles(3000, 12000).Quantile(0.05), Is.EqualTo(3000).Within(1e-6));
            Assert.That(LogNormalDistribution.FromPercentiles(3000, 12000).Quantile(0.95), Is.EqualTo(12000).Within(1e-6));
            // Triangular on [0, 4] with mode 1: F(x) = x^2 / 4 below the mode, so the 0.09 quantile is 0.6.
            Assert.That(new TriangularDistribution(0, 1, 4).Quantile(0.09), Is.EqualTo(0.6).Within(1e-9));
            // PERT(0, 0.5, 1) is beta(3, 3): symmetric, median 0.5.
            Assert.That(new PertDistribution(0, 0.5, 1).Quantile(0.5), Is.EqualTo(0.5).Within(1e-9));
            Assert.That(new PertDistribution(0, 0.5, 1).Quantile(0.2), Is.EqualTo(Beta.InvCDF(3, 3, 0.2)).Within(1e-12));
            Assert.That(new NormalDistribution(0, 1) { Clip = (-0.5, 2) }.Quantile(0.1), Is.EqualTo(-0.5));
            Assert.That(new FixedValue(4).Quantile(0.9), Is.EqualTo(4));
        });
    }

    [Test]
    public void A_probability_outside_zero_to_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new UniformDistribution(0, 1).Quantile(1.5));
}
