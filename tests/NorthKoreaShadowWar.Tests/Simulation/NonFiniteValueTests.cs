using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Simulation;

/// <summary>
/// A value that is not a finite number (NaN or infinite) never silently decides anything: a comparison with one in a
/// guard, a multiplier condition or an outcome condition, and an effect or initial value that makes a variable one,
/// stop the run with an error naming the expression or the variable, the trial and the step.
/// </summary>
[TestFixture(true)]
[TestFixture(false)]
public class NonFiniteValueTests(bool generatedCode)
{
    /// <summary>Runs the scenario with its per-step code generated or interpreted: both must give the same numbers and errors.</summary>
    private RunResult Run(string yaml, long trials, ulong seed = 1, int threads = 2) => Simulate.Text(yaml, trials, generatedCode, seed, threads);

    /// <summary>x overflows to infinity at step 2; before the check, "x - x == 0" (inf - inf = NaN) was silently false.</summary>
    private const string Overflow = """
        name: overflow
        horizon: 10
        variables:
          x: { initial: 1 }
        machines:
          m:
            initial: A
            states: [A, B]
            absorbing: [B]
            each_step: { A: { x: "*= 1e200" } }
            transitions:
              - { from: A, to: B, p: 0.01, when: "x - x == 0" }
        outcomes:
          hit: { reached: "m == B" }
        """;

    /// <summary>y counts down to 0 after step 3, so z / y is 0 / 0 at step 4: the tautology was silently false.</summary>
    private const string ZeroOverZero = """
        name: zero-over-zero
        horizon: 10
        variables:
          z: { initial: 0 }
          y: { initial: 3 }
        machines:
          m:
            initial: A
            states: [A, B]
            absorbing: [B]
            each_step: { A: { y: "-= 1" } }
            transitions:
              - { from: A, to: B, p: 0.01, when: "z / y > 0.5 or z / y < 0.5" }
        outcomes:
          hit: { reached: "m == B" }
        """;

    [Test]
    public void An_each_step_effect_that_overflows_names_the_variable_machine_state_trial_and_step()
    {
        var error = Assert.Throws<SimulationException>(() => Run(Overflow, trials: 1024));
        Assert.That(error!.Message, Is.EqualTo(
            "machine 'm', state 'A': the each_step effect 'x *= 1e200' makes variable 'x' Infinity (an overflow, a division by zero or the log of a number <= 0?), in trial 0 at step 2"));
    }

    [Test]
    public void A_guard_comparing_NaN_names_the_guard_the_values_the_trial_and_the_step()
    {
        var error = Assert.Throws<SimulationException>(() => Run(ZeroOverZero, trials: 1024));
        Assert.That(error!.Message, Is.EqualTo(
            "machine 'm', state 'A': the guard 'z / y > 0.5 or z / y < 0.5' of the transition to 'B' compares NaN > 0.5 " +
            $"({Causes}), in trial 0 at step 4"));
    }

    [Test]
    public void The_command_line_reports_it_with_exit_code_1_and_writes_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("shadowwar-nonfinite-").FullName;
        try
        {
            var file = Path.Combine(folder, "zero.yaml");
            File.WriteAllText(file, ZeroOverZero);
            var results = Path.Combine(folder, "results");
            var (exitCode, _, error) = CommandLine.Run("run", file, "--trials", "1024", "--out", results);
            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(1));
                Assert.That(error, Does.Contain("zero.yaml: error: machine 'm', state 'A': the guard 'z / y > 0.5 or z / y < 0.5'").And.Contain("in trial 0 at step 4"));
                Assert.That(Directory.Exists(results), Is.False);
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_transition_effect_that_divides_by_zero_names_the_transition()
    {
        const string yaml = """
            name: effect
            horizon: 5
            variables:
              x: { initial: 1 }
              y: { initial: 0 }
            machines:
              m:
                initial: A
                states: [A, B]
                transitions:
                  - { from: A, to: B, p: 1, effects: { x: "= x / y" } }
            """;
        var error = Assert.Throws<SimulationException>(() => Run(yaml, trials: 1));
        Assert.That(error!.Message, Is.EqualTo(
            "machine 'm': the effect 'x = x / y' of the transition to 'B' makes variable 'x' Infinity (an overflow, a division by zero or the log of a number <= 0?), in trial 0 at step 1"));
    }

    [Test]
    public void An_initial_value_that_is_not_a_number_names_the_variable_and_the_trial()
    {
        const string yaml = """
            name: initial
            horizon: 3
            parameters:
              p: { uniform: [-1, 1] }
            variables:
              x: { initial: "log(p)" }
            machines:
              m: { initial: A, states: [A, B], transitions: [ { from: A, to: B, p: 0.5, when: "x < 1" } ] }
            """;
        var error = Assert.Throws<SimulationException>(() => Run(yaml, trials: 1024));
        Assert.That(error!.Message, Does.Match(@"^variable 'x': its initial value 'log\(p\)' is NaN \(.*\), in trial \d+ at step 0$"));
    }

    [Test]
    public void A_multiplier_condition_comparing_NaN_names_the_multiplier()
    {
        const string yaml = """
            name: multiplier
            horizon: 5
            variables:
              x: { initial: 0 }
            machines:
              m:
                initial: A
                states: [A, B]
                transitions:
                  - { from: A, to: B, p: 0.1, multipliers: [ { when: "x / x >= 1", by: 2 } ] }
            """;
        var error = Assert.Throws<SimulationException>(() => Run(yaml, trials: 1));
        Assert.That(error!.Message, Is.EqualTo(
            $"machine 'm', state 'A': the condition 'x / x >= 1' of a multiplier of the transition to 'B' compares NaN >= 1 ({Causes}), in trial 0 at step 1"));
    }

    [Test]
    public void An_outcome_condition_comparing_NaN_names_the_outcome()
    {
        const string yaml = """
            name: outcome
            horizon: 5
            variables:
              x: { initial: 0 }
            machines:
              m: { initial: A, states: [A, B], transitions: [ { from: A, to: B, p: 0.1 } ] }
            outcomes:
              odd: { steps_in: "not (x / x < 2)" }
            """;
        var error = Assert.Throws<SimulationException>(() => Run(yaml, trials: 1));
        Assert.That(error!.Message, Is.EqualTo(
            $"outcome 'odd': the condition 'not (x / x < 2)' compares NaN < 2 ({Causes}), in trial 0 at step 1"));
    }

    /// <summary>
    /// Infinity is refused in a comparison even where the answer would look obvious (an overflow is + or -infinity
    /// whichever way the true value lies far beyond): a guard reading only parameters is found before any trial.
    /// </summary>
    [Test]
    public void A_comparison_with_infinity_is_an_error_too()
    {
        const string yaml = """
            name: infinite
            horizon: 5
            parameters:
              big: 1e200
            machines:
              m: { initial: A, states: [A, B], transitions: [ { from: A, to: B, p: 0.1, when: "big * big > 3" } ] }
            """;
        var error = Assert.Throws<SimulationException>(() => Run(yaml, trials: 1));
        Assert.That(error!.Message, Is.EqualTo(
            $"machine 'm', state 'A': the guard 'big * big > 3' of the transition to 'B' compares Infinity > 3 ({Causes}), in every trial"));
    }

    /// <summary>A model without variables runs through the table loop; its outcome conditions are checked after the trial, step by step.</summary>
    [Test]
    public void An_outcome_condition_of_a_table_loop_model_names_the_step()
    {
        const string yaml = """
            name: table
            horizon: 5
            parameters:
              p: { uniform: [-1, 1] }
            machines:
              m: { initial: A, states: [A, B], transitions: [ { from: A, to: B, p: 0.5 } ] }
            outcomes:
              odd: { reached: "m == B and log(p) > -1" }
            """;
        var error = Assert.Throws<SimulationException>(() => Run(yaml, trials: 1024));
        Assert.That(error!.Message, Does.Match(@"^outcome 'odd': the condition 'm == B and log\(p\) > -1' compares NaN > -1 \(.*\), in trial \d+ at step \d+$"));
    }

    /// <summary>The exact solver evaluates outcome conditions over every joint state: the same error, not a silent false.</summary>
    [Test]
    public void The_exact_solver_reports_it_too()
    {
        const string yaml = """
            name: exact
            horizon: 5
            parameters:
              p: -1
            machines:
              m: { initial: A, states: [A, B], transitions: [ { from: A, to: B, p: 0.5 } ] }
            outcomes:
              odd: { reached: "m == B and log(p) > -1" }
            """;
        var model = ScenarioPipeline.PrepareText(yaml, "test.yaml").Model;
        var error = Assert.Throws<SimulationException>(() => NorthKoreaShadowWar.Exact.ExactSolver.Solve(model));
        Assert.That(error!.Message, Does.StartWith("outcome 'odd': the condition 'm == B and log(p) > -1' compares NaN > -1"));
    }

    private const string Causes = "a value that is not a finite number: 0 / 0, an overflow, a division by zero or the log of a number <= 0?";
}
