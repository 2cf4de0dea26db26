using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Scenarios;

/// <summary>Variants and --set overrides replace what they name, in that order, and say what they cannot find.</summary>
public class OverrideTests
{
    private const string Yaml = """
        name: overrides
        horizon: 5
        parameters:
          rate: 0
        variables:
          x: { initial: 1 }
        machines:
          a: { initial: Off, states: [Off, On], transitions: [ { from: Off, to: On, p: rate } ] }
        outcomes:
          on: { reached: a.On }
          x_end: { value: x }
        variants:
          certain: { parameters: { rate: 1 } }
          short: { horizon: 1, variables: { x: { initial: 7 } } }
        """;

    [Test]
    public void A_variant_replaces_parameters_horizon_and_initial_values()
    {
        var certain = Simulate.Text(Yaml, 10, variant: "certain");
        var shortRun = Simulate.Text(Yaml, 10, variant: "short");
        Assert.Multiple(() =>
        {
            Assert.That(certain.Probability("on").Estimate, Is.EqualTo(1));
            Assert.That(certain.Manifest.Variant, Is.EqualTo("certain"));
            Assert.That(shortRun.Manifest.Horizon, Is.EqualTo(1));
            Assert.That(shortRun.Distribution("x_end").Mean, Is.EqualTo(7));
        });
    }

    [Test]
    public void Set_overrides_a_parameter_after_the_variant()
    {
        var result = Simulate.Text(Yaml, 10, variant: "certain", overrides: "rate=0");
        Assert.Multiple(() =>
        {
            Assert.That(result.Probability("on").Estimate, Is.EqualTo(0));
            Assert.That(result.Manifest.Overrides, Is.EqualTo(new[] { "rate=0" }));
        });
    }

    [Test]
    public void Set_accepts_a_distribution_written_as_in_the_file()
    {
        var result = Simulate.Text(Yaml, 2000, overrides: "rate={ uniform: [0.99, 1] }");
        Assert.That(result.Probability("on").Estimate, Is.EqualTo(1));
    }

    [Test]
    public void Set_naming_no_parameter_is_an_error_with_a_suggestion()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioPipeline.PrepareText(Yaml, overrides: ["rat=0.5"]))!;
        Assert.That(error.Diagnostics.Single().ToString(), Does.StartWith("--set rat=0.5:1:1: error:").And.Contain("did you mean 'rate'?"));
    }

    [Test]
    public void Set_with_a_bad_value_points_at_the_value()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioPipeline.PrepareText(Yaml, overrides: ["rate={ beta: { alpha: -1, beta: 2 } }"]))!;
        Assert.That(error.Diagnostics.Single().ToString(), Does.StartWith("--set rate={ beta: { alpha: -1, beta: 2 } }:1:14: error:").And.Contain("alpha > 0"));
    }

    [Test]
    public void Set_with_a_key_written_twice_behind_a_tag_is_refused_at_the_second()
    {
        const string set = "rate={ uniform: [0, 0.1], !!str uniform: [0.9, 1] }";
        var error = Assert.Throws<ScenarioException>(() => ScenarioPipeline.PrepareText(Yaml, overrides: [set]))!;
        Assert.That(error.Diagnostics.Single().ToString(),
            Is.EqualTo($"--set {set}:1:33: error: duplicate key 'uniform' (first written on line 1); a key may appear only once in a mapping"));
    }

    [Test]
    public void An_unknown_variant_lists_the_known_ones()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioPipeline.PrepareText(Yaml, variant: "certian"))!;
        Assert.That(error.Diagnostics.Single().Message, Does.Contain("did you mean 'certain'?").And.Contain("certain, short"));
    }
}
