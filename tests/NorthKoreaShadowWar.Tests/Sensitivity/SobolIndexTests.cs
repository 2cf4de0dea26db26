using NorthKoreaShadowWar.Comparison;
using NorthKoreaShadowWar.Sensitivity;
using NorthKoreaShadowWar.Statistics;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Sensitivity;

/// <summary>Sobol indices against models whose indices are known in closed form.</summary>
public class SobolIndexTests
{
    private const int Samples = 4096;

    private static OutcomeSensitivity Analyse(string yaml, string outcome, ulong seed = 3)
    {
        var model = ScenarioPipeline.PrepareText(yaml).Model;
        var quantity = SensitivityOutcomes.Resolve(model, outcome, out var problem) ?? throw new InvalidOperationException(problem);
        var settings = new SensitivitySettings { SobolSamples = Samples, TornadoTrials = 0, Seed = seed, Threads = 2 };
        return SensitivityRunner.Run(model, [quantity], settings).Outcomes[0];
    }

    private static SobolIndex Input(OutcomeSensitivity outcome, string name) => outcome.Sobol.Single(s => s.Input == name);

    /// <summary>The estimate is within 5 standard errors of <paramref name="exact"/>, the standard error read off its bootstrap interval.</summary>
    private static void AssertNear(Estimate estimate, double exact, string what)
    {
        var standardError = (estimate.Ci95.Upper - estimate.Ci95.Lower) / (2 * ConfidenceIntervals.Z95);
        Assert.That(standardError, Is.GreaterThan(0).And.LessThan(0.1), $"{what}: standard error");
        Assert.That(estimate.Value, Is.EqualTo(exact).Within(Tolerance.StandardErrors * standardError), what);
    }

    [Test]
    public void A_linear_model_gets_its_analytic_indices_and_chance_gets_none()
    {
        var outcome = Analyse(SensitivityScenarios.Linear, "y_end");
        Assert.Multiple(() =>
        {
            AssertNear(Input(outcome, "x1").FirstOrder, 0.2, "S1");
            AssertNear(Input(outcome, "x1").Total, 0.2, "ST1");
            AssertNear(Input(outcome, "x2").FirstOrder, 0.8, "S2");
            AssertNear(Input(outcome, "x2").Total, 0.8, "ST2");
            // Without chance the expected value is the outcome itself: its shares are the indices, to the last bit for the totals.
            Assert.That(Input(outcome, "x2").TotalShareOfExpectedVariance, Is.EqualTo(Input(outcome, "x2").Total));
            Assert.That(Input(outcome, "x1").ShareOfExpectedVariance!.Value, Is.EqualTo(Input(outcome, "x1").FirstOrder.Value).Within(1e-12));
            // y is set before any random draw of the machines: f(AB_chance) = f(A) row by row, so both are exactly 0.
            Assert.That(Input(outcome, SensitivityRunner.Chance).FirstOrder.Value, Is.Zero);
            Assert.That(Input(outcome, SensitivityRunner.Chance).Total.Value, Is.Zero);
            Assert.That(outcome.SobolVariance, Is.EqualTo(5.0 / 12).Within(Tolerance.StandardErrors * 0.37 / Math.Sqrt(2 * Samples)));
            Assert.That(outcome.MostInfluential!.Input, Is.EqualTo("x2"));
        });
    }

    [Test]
    public void A_coin_with_an_uncertain_bias_splits_its_variance_between_the_bias_and_chance()
    {
        // Y = 1{U < x}, x ~ U(0, 1), U the trial's own uniform: Var Y = 1/4. E[Y | x] = x and E[Y | U] = 1 − U both have
        // variance 1/12, so S_x = S_chance = 1/3, and with two inputs S_T,x = 1 − S_chance = 2/3 = S_T,chance.
        // The expected value x owes all its variance to x: share = V_x / (V·(1 − S_T,chance)) = 1.
        var outcome = Analyse(SensitivityScenarios.Linear, "moved");
        var x = Input(outcome, "x1");
        var chance = Input(outcome, SensitivityRunner.Chance);
        Assert.Multiple(() =>
        {
            AssertNear(x.FirstOrder, 1.0 / 3, "S_x");
            AssertNear(x.Total, 2.0 / 3, "S_T,x");
            AssertNear(chance.FirstOrder, 1.0 / 3, "S_chance");
            AssertNear(chance.Total, 2.0 / 3, "S_T,chance");
            AssertNear(x.ShareOfExpectedVariance!, 1, "share of the expected value's variance");
            AssertNear(x.TotalShareOfExpectedVariance!, 1, "total share of the expected value's variance");
            Assert.That(chance.ShareOfExpectedVariance, Is.Null);
            Assert.That(chance.TotalShareOfExpectedVariance, Is.Null);
            Assert.That(Input(outcome, "x2").Total.Value, Is.Zero);
        });
    }

    [Test]
    public void A_first_step_is_read_as_whether_it_happened_and_a_final_state_as_whether_the_machine_ends_there()
    {
        var moved = Analyse(SensitivityScenarios.Linear, "moved");
        var happened = Analyse(SensitivityScenarios.Linear, "first_move");
        var final = Analyse(SensitivityScenarios.Linear, "final_m=B");
        Assert.Multiple(() =>
        {
            Assert.That(happened.Sobol, Is.EqualTo(moved.Sobol));
            Assert.That(final.Sobol, Is.EqualTo(moved.Sobol));
            Assert.That(moved.SobolMean, Is.EqualTo(0.5).Within(Tolerance.Proportion(0.5, 2 * Samples)));
        });
    }

    [Test]
    public void A_parameter_that_only_reshuffles_the_random_numbers_gets_no_share_of_the_expected_value()
    {
        var outcome = Analyse(SensitivityScenarios.Reshuffling, "moved");
        var settle = Input(outcome, "settle");
        Assert.Multiple(() =>
        {
            // Per trial, redrawing settle with the same trial number changes m's later draws: a large total index.
            Assert.That(settle.Total.Ci95.Lower, Is.GreaterThan(0.05));
            // The probability of moving does not depend on settle: its shares of the expected value's variance are 0 ...
            AssertNear(settle.TotalShareOfExpectedVariance!, 0, "total share of settle");
            AssertNear(settle.ShareOfExpectedVariance!, 0, "first-order share of settle");
            // ... and rate, the only parameter the probability depends on, explains all of it.
            AssertNear(Input(outcome, "rate").TotalShareOfExpectedVariance!, 1, "total share of rate");
            Assert.That(outcome.MostInfluential!.Input, Is.EqualTo("rate"));
        });
    }
}
