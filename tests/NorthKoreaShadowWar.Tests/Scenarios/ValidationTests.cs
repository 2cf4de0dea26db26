using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Scenarios;

/// <summary>Every kind of mistake is reported at its FILE:LINE:COL with a message that says how to fix it.</summary>
public class ValidationTests
{
    private const string Valid = """
        name: valid
        horizon: 10
        parameters:
          rate: 0.1
        variables:
          troops: { initial: 3000 }
        machines:
          gate: { initial: A, states: [A, B, C], transitions: [ { from: A, to: B, p: 0.2 }, { from: B, to: C, p: 0.2 } ] }
          war:
            initial: Calm
            states: [Calm, Fight]
            transitions:
              - { from: Calm, to: Fight, p: rate, when: "gate != C" }
        outcomes:
          fight: { reached: war.Fight }
        """;

    [Test]
    public void A_valid_scenario_has_no_problems() => Assert.That(Diagnose.Text(Valid), Is.Empty);

    [Test]
    public void Unknown_key_is_reported_with_a_suggestion()
    {
        var yaml = Valid.Replace("horizon: 10", "horizn: 10");
        var error = Diagnose.Text(yaml).ErrorAt(yaml, "horizn");
        Assert.That(error.Message, Does.Contain("unknown key 'horizn'").And.Contain("did you mean 'horizon'?"));
        Assert.That(error.ToString(), Does.StartWith("test.yaml:2:1: error: "));
    }

    [Test]
    public void Unknown_key_in_a_transition_is_reported_with_a_suggestion()
    {
        var yaml = Valid.Replace("p: rate, when:", "p: rate, whn:");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "whn").Message, Does.Contain("did you mean 'when'?"));
    }

    [Test]
    public void Unknown_machine_in_a_condition_points_into_the_expression()
    {
        var yaml = Valid.Replace("gate != C", "gat != C");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "gat != C").Message, Does.Contain("unknown name 'gat'").And.Contain("did you mean 'gate'?"));
    }

    [Test]
    public void Unknown_state_in_a_condition_lists_the_machines_states()
    {
        var yaml = Valid.Replace("gate != C", "gate != D");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "D\" }").Message, Does.Contain("machine 'gate' has no state 'D'").And.Contain("A, B, C"));
    }

    [Test]
    public void Unknown_state_in_a_transition_is_reported_at_the_state()
    {
        var yaml = Valid.Replace("to: Fight", "to: Fihgt");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "Fihgt").Message, Does.Contain("did you mean 'Fight'?"));
    }

    [Test]
    public void Unknown_parameter_in_a_probability_is_reported_with_a_suggestion()
    {
        var yaml = Valid.Replace("p: rate", "p: rat");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "rat,").Message, Does.Contain("unknown name 'rat'").And.Contain("did you mean 'rate'?"));
    }

    [Test]
    public void Unknown_variable_in_an_effect_is_reported()
    {
        var yaml = Valid.Replace("when: \"gate != C\" }", "when: \"gate != C\", effects: { trops: \"+= 1\" } }");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "trops").Message, Does.Contain("unknown variable 'trops'").And.Contain("did you mean 'troops'?"));
    }

    [TestCase("{ beta: { alpha: 0, beta: 2 } }", "alpha > 0")]
    [TestCase("{ beta: { alpha: 2, beta: -1 } }", "beta > 0")]
    [TestCase("{ lognormal: { p05: 12000, p95: 3000 } }", "0 < p05 < p95")]
    [TestCase("{ lognormal: { mu: 1, sigma: 0 } }", "sigma > 0")]
    [TestCase("{ uniform: [0.3, 0.1] }", "lower < upper")]
    [TestCase("{ normal: { mean: 1, sd: 0 } }", "sd > 0")]
    [TestCase("{ pert: { min: 2, mode: 30, max: 20 } }", "min <= mode <= max")]
    [TestCase("{ triangular: { min: 5, mode: 1, max: 3 } }", "min <= mode <= max")]
    [TestCase("{ uniform: [0.1, 0.2], clip: [1, 0] }", "lower <= upper")]
    [TestCase("{ beta: { alpha: 2 } }", "missing 'beta'")]
    [TestCase("{ gamma: { k: 2 } }", "unknown key 'gamma'")]
    [TestCase(".nan", "finite")]
    public void Bad_distribution_arguments_are_reported_on_the_parameter(string definition, string expected)
    {
        var yaml = Valid.Replace("rate: 0.1", $"rate: {definition}");
        var errors = Diagnose.Text(yaml).Errors().ToList();
        Assert.That(errors, Has.Some.Matches<NorthKoreaShadowWar.Diagnostics.Diagnostic>(d => d.Message.Contains(expected) && d.Position.Line == 4),
            string.Join("\n", errors));
    }

    [TestCase("1.5")]
    [TestCase("-0.1")]
    public void Probability_outside_zero_and_one_is_an_error(string p)
    {
        var yaml = Valid.Replace("rate: 0.1", $"rate: {p}");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "rate, when").Message, Does.Contain("between 0 and 1"));
    }

    [Test]
    public void Outgoing_probabilities_above_one_are_an_error_naming_the_state()
    {
        const string yaml = """
            name: over
            horizon: 5
            machines:
              m:
                initial: A
                states: [A, B, C]
                transitions:
                  - { from: A, to: B, p: 0.6 }
                  - { from: A, to: C, p: 0.6 }
            """;
        var error = Diagnose.Text(yaml).ErrorAt(yaml, "{ from: A, to: B");
        Assert.That(error.Message, Does.Contain("state 'A' of machine 'm'").And.Contain("add up to 1.2"));
    }

    [Test]
    public void Mutually_exclusive_guards_are_not_flagged()
    {
        const string yaml = """
            name: exclusive
            horizon: 5
            machines:
              g: { initial: A, states: [A, B, C], transitions: [ { from: A, to: B, p: 0.5 }, { from: B, to: C, p: 0.5 } ] }
              m:
                initial: X
                states: [X, Y, Z]
                transitions:
                  - { from: X, to: Y, p: 0.7, when: "g == A" }
                  - { from: X, to: Z, p: 0.7, when: "g in [B, C]" }
            """;
        Assert.That(Diagnose.Text(yaml).Errors(), Is.Empty);
    }

    [Test]
    public void Probabilities_above_one_in_one_combination_of_states_are_flagged_with_that_combination()
    {
        const string yaml = """
            name: combination
            horizon: 5
            machines:
              g: { initial: A, states: [A, B], transitions: [ { from: A, to: B, p: 0.5 } ] }
              m:
                initial: X
                states: [X, Y, Z]
                transitions:
                  - { from: X, to: Y, p: 0.6 }
                  - from: X
                    to: Z
                    p: 0.3
                    multipliers: [ { when: "g == B", by: 2 } ]
            """;
        var error = Diagnose.Text(yaml).ErrorAt(yaml, "{ from: X, to: Y");
        Assert.That(error.Message, Does.Contain("add up to 1.2 when g == B"));
    }

    [Test]
    public void Probabilities_that_can_exceed_one_for_some_draws_are_a_warning()
    {
        var yaml = Valid.Replace("rate: 0.1", "rate: { uniform: [0.5, 0.9] }")
            .Replace("{ from: Calm, to: Fight, p: rate, when: \"gate != C\" }", "{ from: Calm, to: Fight, p: rate }\n      - { from: Calm, to: Calm, p: rate }");
        var diagnostics = Diagnose.Text(yaml);
        Assert.That(diagnostics.Errors(), Is.Empty);
        Assert.That(diagnostics.WarningAt(yaml, "{ from: Calm, to: Fight").Message, Does.Contain("can add up to 1.8"));
    }

    [Test]
    public void A_number_where_a_condition_is_needed_is_a_type_error()
    {
        var yaml = Valid.Replace("gate != C", "troops + 1");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "troops + 1").Message, Does.Contain("must be a condition"));
    }

    [Test]
    public void A_condition_where_a_number_is_needed_is_a_type_error()
    {
        var yaml = Valid.Replace("p: rate", "p: \"troops > 1\"");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "troops > 1\"").Message, Does.Contain("must be a number"));
    }

    [Test]
    public void A_machine_used_as_a_number_suggests_comparing_it_with_a_state()
    {
        var yaml = Valid.Replace("gate != C", "gate > 1");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "gate > 1").Message, Does.Contain("'gate' is a machine").And.Contain("gate == A"));
    }

    [Test]
    public void A_state_name_alone_suggests_the_comparison()
    {
        var yaml = Valid.Replace("gate != C", "troops > C");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "C\" }").Message, Does.Contain("write 'gate == C'"));
    }

    [Test]
    public void Syntax_errors_point_at_the_offending_character()
    {
        var yaml = Valid.Replace("gate != C", "gate = C");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "= C").Message, Does.Contain("use '=='"));
    }

    [Test]
    public void Missing_initial_state_is_an_error_on_the_machine()
    {
        var yaml = Valid.Replace("    initial: Calm\n", "");
        var error = Diagnose.Text(yaml).ErrorAt(yaml, "states: [Calm");
        Assert.That(error.Message, Does.Contain("missing 'initial'"));
    }

    [Test]
    public void A_name_used_twice_across_sections_is_an_error()
    {
        var yaml = Valid.Replace("troops: { initial: 3000 }", "troops: { initial: 3000 }\n  rate: { initial: 1 }");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "rate: { initial").Message, Does.Contain("already defined as a parameter"));
    }

    [Test]
    public void A_state_listed_twice_is_an_error()
    {
        var yaml = Valid.Replace("states: [Calm, Fight]", "states: [Calm, Fight, Calm]");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "Calm]").Message, Does.Contain("listed twice"));
    }

    [Test]
    public void Transitions_out_of_an_absorbing_state_are_an_error()
    {
        var yaml = Valid.Replace("states: [Calm, Fight]", "states: [Calm, Fight]\n    absorbing: [Calm]");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "Calm, to: Fight").Message, Does.Contain("absorbing"));
    }

    [Test]
    public void Unreachable_states_and_never_enabled_transitions_are_warnings()
    {
        const string yaml = """
            name: warnings
            horizon: 5
            machines:
              g: { initial: A, states: [A, B, Lost], transitions: [ { from: A, to: B, p: 0.5 } ] }
              m:
                initial: X
                states: [X, Y]
                transitions:
                  - { from: X, to: Y, p: 0.5, when: "g == Lost" }
            """;
        var diagnostics = Diagnose.Text(yaml);
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics.Errors(), Is.Empty);
            Assert.That(diagnostics.WarningAt(yaml, "Lost]").Message, Does.Contain("unreachable"));
            Assert.That(diagnostics.WarningAt(yaml, "g == Lost").Message, Does.Contain("never enabled"));
        });
    }

    [Test]
    public void Within_beyond_the_horizon_is_an_error()
    {
        var yaml = Valid.Replace("reached: war.Fight }", "reached: war.Fight, within: 52 }");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "52").Message, Does.Contain("beyond the horizon"));
    }

    [Test]
    public void Derived_parameters_in_a_cycle_are_an_error()
    {
        var yaml = Valid.Replace("rate: 0.1", "rate: \"other * 2\"\n  other: \"rate / 2\"");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "rate: \"other").Message, Does.Contain("cycle: rate -> other -> rate"));
    }

    [Test]
    public void Division_by_a_literal_zero_is_an_error()
    {
        var yaml = Valid.Replace("p: rate", "p: \"rate / 0\"");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "0\", when").Message, Does.Contain("division by zero"));
    }

    [Test]
    public void A_variant_naming_an_unknown_parameter_is_an_error()
    {
        var yaml = Valid + "\nvariants:\n  fast: { parameters: { rte: 0.5 } }\n";
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "rte").Message, Does.Contain("does not define").And.Contain("did you mean 'rate'?"));
    }

    [Test]
    public void A_variant_that_breaks_a_probability_is_reported_as_such()
    {
        var yaml = Valid + "\nvariants:\n  fast: { parameters: { rate: 1.5 } }\n";
        var error = Diagnose.Text(yaml).ErrorAt(yaml, "rate, when");
        Assert.That(error.Message, Does.Contain("variant 'fast'"));
    }

    [Test]
    public void Every_problem_is_reported_in_one_pass()
    {
        var yaml = Valid.Replace("horizon: 10", "horizn: 10").Replace("p: rate", "p: rat").Replace("gate != C", "gate != D");
        Assert.That(Diagnose.Text(yaml).Errors().Count(), Is.GreaterThanOrEqualTo(3));
    }
}
