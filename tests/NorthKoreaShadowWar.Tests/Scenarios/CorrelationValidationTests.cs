using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Scenarios;

/// <summary>Every mistake in a <c>correlations:</c> block is reported at its FILE:LINE:COL with a message that says how to fix it.</summary>
public class CorrelationValidationTests
{
    private const string Valid = """
        name: correlated
        horizon: 4
        parameters:
          troops0: { lognormal: { p05: 3000, p95: 12000 } }
          casualty_rate: { pert: { min: 0.005, mode: 0.015, max: 0.04 } }
          arms: { uniform: [0.01, 0.04] }
          tech: { beta: { alpha: 2, beta: 30 } }
          fixed_rate: 0.2
          doubled: "troops0 * 2"
        correlations:
          - { between: [troops0, casualty_rate], rank: 0.6 }
          - { between: [arms, tech], rank: -0.4, description: "a test" }
        variables:
          troops: { initial: troops0 }
        machines:
          war:
            initial: Calm
            states: [Calm, Fight]
            transitions:
              - { from: Calm, to: Fight, p: tech }
        outcomes:
          fight: { reached: war.Fight }
        """;

    private static string With(string entries) => Valid.Replace("""
          - { between: [troops0, casualty_rate], rank: 0.6 }
          - { between: [arms, tech], rank: -0.4, description: "a test" }
        """, entries);

    [Test]
    public void A_valid_block_has_no_problems() => Assert.That(Diagnose.Text(Valid), Is.Empty);

    [Test]
    public void Rank_correlations_of_plus_and_minus_one_are_accepted() =>
        Assert.That(Diagnose.Text(With("""
              - { between: [troops0, casualty_rate], rank: 1 }
              - { between: [arms, tech], rank: -1 }
            """)), Is.Empty);

    [Test]
    public void Unknown_key_in_an_entry_is_reported_with_a_suggestion()
    {
        var yaml = Valid.Replace("rank: 0.6", "rnak: 0.6");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "rnak").Message, Does.Contain("unknown key 'rnak'").And.Contain("did you mean 'rank'?"));
    }

    [Test]
    public void Misspelt_block_name_is_reported_with_a_suggestion()
    {
        var yaml = Valid.Replace("correlations:", "corelations:");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "corelations").Message, Does.Contain("did you mean 'correlations'?"));
    }

    [Test]
    public void An_entry_without_rank_is_reported_at_the_entry()
    {
        var yaml = Valid.Replace(", rank: 0.6 }", " }");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "{ between: [troops0").Message, Does.Contain("missing 'rank'"));
    }

    [Test]
    public void Between_must_name_exactly_two_parameters()
    {
        var yaml = Valid.Replace("[troops0, casualty_rate]", "[troops0, casualty_rate, arms]");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "[troops0, casualty_rate, arms]").Message, Does.Contain("exactly two parameters"));
    }

    [TestCase("1.5")]
    [TestCase("-1.01")]
    public void A_rank_beyond_one_is_reported_at_the_number(string rank)
    {
        var yaml = Valid.Replace("rank: 0.6", $"rank: {rank}");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, rank).Message, Does.Contain("between -1 and 1"));
    }

    [Test]
    public void A_rank_that_is_not_a_number_is_reported_at_the_value()
    {
        var yaml = Valid.Replace("rank: 0.6", "rank: high");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "high").Message, Does.Contain("must be a number"));
    }

    [Test]
    public void The_block_must_be_a_list()
    {
        var yaml = With("  troops0: casualty_rate\n");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "troops0: casualty_rate").Message, Does.Contain("must be a list"));
    }

    [Test]
    public void Unknown_parameter_is_reported_with_a_suggestion()
    {
        var yaml = Valid.Replace("[troops0, casualty_rate]", "[troops0, casualty_rat]");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "casualty_rat]").Message,
            Does.Contain("unknown parameter 'casualty_rat'").And.Contain("did you mean 'casualty_rate'?"));
    }

    [Test]
    public void A_variable_is_not_a_parameter()
    {
        var yaml = Valid.Replace("[troops0, casualty_rate]", "[troops, casualty_rate]");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "troops, casualty_rate").Message, Does.Contain("'troops' is a variable"));
    }

    [Test]
    public void A_derived_parameter_cannot_be_correlated()
    {
        var yaml = Valid.Replace("[troops0, casualty_rate]", "[doubled, casualty_rate]");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "doubled, casualty_rate").Message,
            Does.Contain("'doubled' is computed from other parameters (\"troops0 * 2\")").And.Contain("correlate a parameter it is computed from"));
    }

    [Test]
    public void A_fixed_parameter_gives_a_warning_not_an_error()
    {
        var yaml = Valid.Replace("[troops0, casualty_rate]", "[troops0, fixed_rate]");
        var diagnostics = Diagnose.Text(yaml);
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics.Errors(), Is.Empty);
            Assert.That(diagnostics.WarningAt(yaml, "fixed_rate]").Message,
                Does.Contain("correlation with a fixed parameter has no effect").And.Contain("'fixed_rate' is 0.2 in every trial"));
        });
    }

    [Test]
    public void A_parameter_fixed_with_set_gives_a_warning_and_runs()
    {
        var prepared = ScenarioPipeline.PrepareText(Valid, "test.yaml", overrides: ["troops0=5000"]);
        Assert.Multiple(() =>
        {
            Assert.That(prepared.Warnings.Single().ToString(), Does.StartWith($"test.yaml:{Diagnose.At(Valid, "troops0, casualty_rate").Line}:")
                .And.Contain("correlation with a fixed parameter has no effect: 'troops0' is 5000"));
            Assert.That(prepared.Model.Scenario.Correlations.Select(c => c.Definition.First.Value), Is.EqualTo(new[] { "arms" }));
        });
    }

    [Test]
    public void A_parameter_fixed_by_a_variant_gives_a_warning_naming_the_variant()
    {
        var yaml = Valid + "\nvariants:\n  small: { parameters: { troops0: 3000 } }\n";
        var warning = Diagnose.Text(yaml).WarningAt(yaml, "troops0, casualty_rate");
        Assert.That(warning.Message, Does.Contain("has no effect").And.Contain("(in variant 'small')"));
    }

    [Test]
    public void A_parameter_paired_with_itself_is_reported_at_the_second_name()
    {
        var yaml = Valid.Replace("[troops0, casualty_rate]", "[troops0, troops0]");
        Assert.That(Diagnose.Text(yaml).ErrorAt(yaml, "troops0]").Message, Does.Contain("paired with itself"));
    }

    [Test]
    public void A_pair_given_twice_in_either_order_is_reported_at_the_second()
    {
        var yaml = With("""
              - { between: [troops0, casualty_rate], rank: 0.6 }
              - { between: [casualty_rate, troops0], rank: 0.3 }
            """);
        var error = Diagnose.Text(yaml).ErrorAt(yaml, "casualty_rate, troops0");
        Assert.That(error.Message, Does.Contain("already given at line 11").And.Contain("give each pair once"));
    }

    [Test]
    public void Correlations_that_cannot_hold_together_name_the_parameters_and_the_smallest_eigenvalue()
    {
        // Three parameters cannot each move against both others: the matrix with -0.9 off the diagonal has eigenvalue
        // 1 - 2 * 0.908 = -0.816 (0.908 = 2 sin(0.9 π / 6), the normal-scale correlation of rank 0.9).
        var yaml = With("""
              - { between: [troops0, casualty_rate], rank: -0.9 }
              - { between: [casualty_rate, arms], rank: -0.9 }
              - { between: [arms, troops0], rank: -0.9 }
            """);
        var error = Diagnose.Text(yaml).ErrorAt(yaml, "{ between: [troops0");
        var expected = 1 - 2 * 2 * Math.Sin(0.9 * Math.PI / 6);
        Assert.That(error.Message, Does.Contain("'troops0', 'casualty_rate' and 'arms' cannot all hold at once")
            .And.Contain($"smallest eigenvalue {expected.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}")
            .And.Contain("weaken one of them"));
    }

    [Test]
    public void The_check_names_only_the_parameters_involved()
    {
        // tech is linked to the impossible triangle but is not what makes it impossible.
        var yaml = With("""
              - { between: [troops0, casualty_rate], rank: 0.9 }
              - { between: [casualty_rate, arms], rank: 0.9 }
              - { between: [arms, troops0], rank: -0.9 }
              - { between: [arms, tech], rank: 0.05 }
            """);
        var error = Diagnose.Text(yaml).Errors().Single();
        Assert.That(error.Message, Does.Contain("'troops0', 'casualty_rate' and 'arms' cannot").And.Not.Contain("'tech'"));
    }

    [Test]
    public void A_variant_may_replace_the_whole_block()
    {
        var yaml = Valid + "\nvariants:\n  independent: { correlations: [] }\n  reversed: { correlations: [ { between: [troops0, casualty_rate], rank: -0.6 } ] }\n";
        Assert.That(Diagnose.Text(yaml), Is.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(ScenarioPipeline.PrepareText(yaml, variant: "independent").Model.Scenario.Correlations, Is.Empty);
            var reversed = ScenarioPipeline.PrepareText(yaml, variant: "reversed").Model.Scenario.Correlations;
            Assert.That(reversed.Select(c => c.Rank), Is.EqualTo(new[] { -0.6 }));
        });
    }

    [Test]
    public void A_mistake_in_a_variants_block_is_reported_there_naming_the_variant()
    {
        var yaml = Valid + "\nvariants:\n  wrong: { correlations: [ { between: [troops0, tehc], rank: 0.2 } ] }\n";
        var error = Diagnose.Text(yaml).ErrorAt(yaml, "tehc");
        Assert.That(error.Message, Does.Contain("unknown parameter 'tehc'").And.Contain("did you mean 'tech'?").And.Contain("(in variant 'wrong')"));
    }

    [Test]
    public void Validate_and_run_exit_with_code_2_and_the_position()
    {
        var directory = Directory.CreateTempSubdirectory("shadowwar-correlations-").FullName;
        try
        {
            var path = Path.Combine(directory, "bad.yaml");
            var yaml = Valid.Replace("rank: 0.6", "rank: 1.2");
            File.WriteAllText(path, yaml);
            var (line, column) = Diagnose.At(yaml, "1.2");
            foreach (var command in new[] { new[] { "validate", path }, ["run", path, "--out", Path.Combine(directory, "out")] })
            {
                var (exitCode, _, error) = CommandLine.Run(command);
                Assert.Multiple(() =>
                {
                    Assert.That(exitCode, Is.EqualTo(2), command[0]);
                    Assert.That(error, Does.Contain($"bad.yaml:{line}:{column}: error: a rank correlation lies between -1 and 1, got 1.2"), command[0]);
                });
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
