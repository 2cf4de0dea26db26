using System.Text;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Simulation;

/// <summary>Same scenario, same seed: the same numbers, whatever the thread count.</summary>
public class ReproducibilityTests
{
    private static string Numbers(RunResult result)
    {
        // Everything but the performance block, which measures time, and the file's identity.
        var withoutPerformance = result with
        {
            Performance = new RunPerformance(0, 0, 0, 0),
            Manifest = result.Manifest with { ScenarioSha256 = "", Scenario = "" },
        };
        using var stream = new MemoryStream();
        SummaryJsonWriter.Write(withoutPerformance, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Test]
    public void Baseline_gives_identical_results_on_one_two_and_three_threads()
    {
        var baseline = Path.Combine(Paths.Scenarios, "baseline.yaml");
        var one = Numbers(Simulate.File(baseline, trials: 5_000, seed: 7, threads: 1));
        var two = Numbers(Simulate.File(baseline, trials: 5_000, seed: 7, threads: 2));
        var three = Numbers(Simulate.File(baseline, trials: 5_000, seed: 7, threads: 3));
        Assert.Multiple(() =>
        {
            Assert.That(two, Is.EqualTo(one));
            Assert.That(three, Is.EqualTo(one));
        });
    }

    [Test]
    public void A_different_seed_gives_different_numbers()
    {
        var baseline = Path.Combine(Paths.Scenarios, "baseline.yaml");
        Assert.That(Numbers(Simulate.File(baseline, trials: 2_000, seed: 2)), Is.Not.EqualTo(Numbers(Simulate.File(baseline, trials: 2_000, seed: 3))));
    }

    [Test]
    public void A_row_evaluated_every_step_draws_exactly_as_its_table_form()
    {
        // The guard "x >= 0" reads a variable, so the row is computed per step instead of looked up;
        // it is always true, so both forms describe the same chain and must give the same numbers.
        const string table = """
            name: table
            horizon: 40
            variables:
              x: { initial: 0 }
            machines:
              a:
                initial: S0
                states: [S0, S1, S2]
                transitions:
                  - { from: S0, to: S1, p: 0.2 }
                  - { from: S0, to: S2, p: 0.1 }
                  - { from: S1, to: S0, p: 0.3 }
                  - { from: S2, to: S1, p: 0.4 }
            outcomes:
              final_a: { final: a }
              in_s2: { steps_in: a.S2 }
            """;
        var dynamic = table.Replace("name: table", "name: dynamic").Replace("p: 0.2 }", "p: 0.2, when: \"x >= 0\" }").Replace("p: 0.3 }", "p: 0.3, when: \"x >= 0\" }");
        Assert.That(dynamic, Is.Not.EqualTo(table));
        var expected = Numbers(Simulate.Text(table, trials: 20_000));
        var actual = Numbers(Simulate.Text(dynamic, trials: 20_000));
        Assert.That(actual, Is.EqualTo(expected));
    }
}
