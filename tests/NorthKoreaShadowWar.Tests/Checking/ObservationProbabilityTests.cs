namespace NorthKoreaShadowWar.Tests.Checking;

/// <summary>
/// Each observation's probability under the prior, alone and given the others, against answers worked out by hand;
/// surprising observations and the parameters that make them likelier (docs/checking.md). Tolerances are 5 standard errors.
/// </summary>
public class ObservationProbabilityTests
{
    [Test]
    public void An_observation_alone_has_its_prior_probability_and_given_the_others_its_conditional_one()
    {
        // On is absorbing and entered with probability 0.2 a step: P(On at 3) = 1 − 0.8³; given Off at 1, 1 − 0.8².
        const string evidence = """
            as_of: 3
            observations:
              - { source: late, holds: "m == On", at: 3 }
              - { source: early, does_not_hold: "m == On", at: 1 }
            """;
        var result = CheckTesting.Run(CheckTesting.Switch("0.2"), evidence, trials: 32_768);
        var late = result.Observations[0];
        Assert.That(late.Measure, Is.EqualTo("probability of the statement"));
        Assert.That(late.Alone, Is.EqualTo(1 - Math.Pow(0.8, 3)).Within(5 * late.AloneSe));
        var givenSe = Math.Sqrt(0.36 * 0.64 / late.GivenOthersEss);
        Assert.That(late.GivenOthers, Is.EqualTo(1 - Math.Pow(0.8, 2)).Within(5 * givenSe));
        // Given On at 3, Off at 1 has probability P(Off at 1, On at 3) / P(On at 3) = 0.8 · 0.36 / 0.488.
        var early = result.Observations[1];
        Assert.That(early.Alone, Is.EqualTo(0.8).Within(5 * early.AloneSe));
        var expected = 0.8 * 0.36 / (1 - Math.Pow(0.8, 3));
        Assert.That(early.GivenOthers, Is.EqualTo(expected).Within(5 * Math.Sqrt(expected * (1 - expected) / early.GivenOthersEss)));
    }

    [Test]
    public void A_reliability_does_not_change_the_probability_of_the_statement()
    {
        var result = CheckTesting.Run(CheckTesting.Switch("0.2"), "as_of: 3\nobservations:\n  - { source: s, holds: \"m == On\", at: 3, reliability: 0.7 }\n", trials: 32_768);
        var late = result.Observations[0];
        Assert.That(late.Alone, Is.EqualTo(1 - Math.Pow(0.8, 3)).Within(5 * late.AloneSe));
    }

    [Test]
    public void A_measurement_is_scored_by_the_tail_probability_of_the_reported_value()
    {
        // The state after step 4 is On with probability 1 − 0.5⁴ = 0.9375, and x is 1 there, else 0: a report of 0.5 (the
        // median of a normal around 0.5) has P(x ≤ 0.5) = 0.0625 and a two-sided tail probability of 0.125.
        const string model = """
            name: measured
            horizon: 6
            variables:
              x: { initial: 0 }
            machines:
              m:
                initial: Off
                states: [Off, On]
                transitions: [ { from: Off, to: On, p: 0.5, effects: { x: "= 1" } } ]
            outcomes:
              on: { reached: m.On }
            """;
        var result = CheckTesting.Run(model, "as_of: 4\nobservations:\n  - { source: s, measured: x, at: 4, value: { normal: { mean: 0.5, sd: 0.4 } } }\n", trials: 32_768);
        var observation = result.Observations[0];
        Assert.That(observation.Measure, Is.EqualTo("two-sided tail probability of the reported value"));
        var se = 2 * Math.Sqrt(0.0625 * 0.9375 / result.Trials);
        Assert.That(observation.AloneSe, Is.EqualTo(se).Within(0.1 * se));
        Assert.That(observation.Alone, Is.EqualTo(0.125).Within(5 * se));
    }

    [Test]
    public void A_surprising_observation_is_listed_with_the_parameter_that_makes_it_likelier()
    {
        // p ~ uniform(0, 0.01): P(On at 1) = E[p] = 0.005, below 1%. Given it, p has density ∝ p on [0, 0.01]: mean 2/3 · 0.01,
        // a move of (0.00667 − 0.005) / (0.01 / √12) = +0.577 prior standard deviations.
        var model = CheckTesting.Switch("{ uniform: [0, 0.01] }");
        var result = CheckTesting.Run(model, "as_of: 1\nobservations:\n  - { source: s, holds: \"m == On\", at: 1 }\n", trials: 65_536);
        var surprising = result.Surprising.Single();
        Assert.That(surprising.Alone, Is.EqualTo(0.005).Within(5 * surprising.AloneSe));
        var pull = surprising.Pulls.Single();
        Assert.That(pull.Parameter, Is.EqualTo("p"));
        // About 330 trials hold the statement; given it, p has a standard deviation of 0.01 / √18, so their mean of p has a
        // standard error of 0.01 / √18 / √330, in prior standard deviations (0.01 / √12) √12 / √18 / √330.
        var priorSd = 0.01 / Math.Sqrt(12);
        Assert.That(pull.MoveInPriorSd, Is.EqualTo((0.01 * 2 / 3 - 0.005) / priorSd).Within(5 * Math.Sqrt(12.0 / 18 / 330)));
    }

    [Test]
    public void Observations_above_the_threshold_are_not_surprising()
    {
        var result = CheckTesting.Run(CheckTesting.Switch("0.2"), "as_of: 3\nobservations:\n  - { source: s, holds: \"m == On\", at: 3 }\n", trials: 4096);
        Assert.That(result.Surprising, Is.Empty);
    }
}
