using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Scenarios;

/// <summary>The bundled example of correlated inputs tells its story: the correlations change the outcomes they should.</summary>
public class CorrelatedExampleTests
{
    private const long Trials = 4_000;

    private static string Example => Path.Combine(Paths.Scenarios, "examples", "correlated-inputs.yaml");

    private static (double Lower, double Upper) Interval(string? variant, string outcome) =>
        Simulate.File(Example, Trials, variant: variant).Probability(outcome).Ci95;

    [Test]
    public void Linking_force_size_and_loss_rate_raises_heavy_losses()
    {
        var correlated = Interval(null, "heavy_losses_1y");
        var independent = Interval("independent", "heavy_losses_1y");
        Assert.That(correlated.Lower, Is.GreaterThan(independent.Upper), $"correlated {correlated} vs independent {independent}");
    }

    [Test]
    public void An_elite_small_force_that_takes_the_worst_losses_lowers_heavy_losses()
    {
        var reversed = Interval("elite_small_force", "heavy_losses_1y");
        var independent = Interval("independent", "heavy_losses_1y");
        Assert.That(reversed.Upper, Is.LessThan(independent.Lower), $"reversed {reversed} vs independent {independent}");
    }

    [Test]
    public void The_independent_variant_reports_no_correlations() =>
        Assert.That(Simulate.File(Example, 500, variant: "independent").Correlations, Is.Empty);
}
