using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Library;

/// <summary>
/// The public API wraps the engine the command line drives: the same numbers as the engine's own path, variants and
/// overrides as on the command line, every bad input a <see cref="ScenarioException"/> with positions, cancellation
/// giving the numbers of the trials completed, exact answers and evidence updates.
/// </summary>
public class EscalationScenarioTests
{
    private static string Baseline => Path.Combine(Paths.Scenarios, "baseline.yaml");

    /// <summary>Off → On with probability 0.2 per step: fixed parameters, so exact propagation can solve it.</summary>
    private const string Geometric = """
        name: geometric
        horizon: 12
        machines:
          m:
            initial: Off
            states: [Off, On]
            absorbing: [On]
            transitions: [ { from: Off, to: On, p: 0.2 } ]
        outcomes:
          on_by_3: { reached: m.On, within: 3 }
          first_on: { first_step: m.On }
          final_m: { final: m }
        variants:
          slow: { parameters: {} }
        """;

    [Test]
    public void A_run_gives_the_numbers_of_the_engine_run_directly()
    {
        var scenario = EscalationScenario.Load(Baseline);
        var results = scenario.Run(new RunOptions { Trials = 2048, Seed = 7, Threads = 2 });
        var prepared = ScenarioPipeline.Prepare(Baseline);
        var direct = ResultsBuilder.Build(MonteCarloRunner.Run(prepared.Model, new RunSettings { Trials = 2048, Seed = 7, Threads = 1 }));
        Assert.Multiple(() =>
        {
            Assert.That(results.Trials, Is.EqualTo(2048));
            Assert.That(results.Outcomes.Select(o => o.Name), Is.EqualTo(direct.Outcomes.Select(o => o.Name)));
            foreach (var outcome in direct.Outcomes)
            {
                switch (outcome)
                {
                    case ProbabilityResult p:
                        Assert.That(results.Probability(p.Name).Estimate, Is.EqualTo(p.Estimate), p.Name);
                        Assert.That(results.Probability(p.Name).Interval, Is.EqualTo(new ConfidenceInterval(p.Ci95.Lower, p.Ci95.Upper)), p.Name);
                        break;
                    case DistributionResult d:
                        Assert.That(results.Distribution(d.Name).Mean, Is.EqualTo(d.Mean), d.Name);
                        Assert.That(results.Distribution(d.Name).Quantiles.Select(q => q.Value), Is.EqualTo(d.Quantiles.Select(q => q.Value)), d.Name);
                        Assert.That(results.Distribution(d.Name).Points.Sum(p => p.Weight), Is.EqualTo(d.Points.Sum(p => p.Weight)), d.Name);
                        break;
                    case CategoricalResult c:
                        Assert.That(results.Categorical(c.Name).Categories.Select(x => x.Probability), Is.EqualTo(c.Categories.Select(x => x.Probability)), c.Name);
                        break;
                }
            }
            var sk = direct.Occupancy.Single(m => m.Machine == "sk_aid").States[0];
            Assert.That(results.OccupancyOf("sk_aid", sk.State), Is.EqualTo(sk.Shares));
        });
    }

    [Test]
    public void A_variant_and_an_override_are_those_of_the_command_line()
    {
        var scenario = EscalationScenario.Load(Baseline).WithVariant("elite_commandos").WithParameter("sk_shift", 0.05);
        var options = new RunOptions { Trials = 1024, Threads = 1 };
        var results = scenario.Run(options);
        var prepared = ScenarioPipeline.Prepare(Baseline, "elite_commandos", ["sk_shift=0.05"]);
        var direct = ResultsBuilder.Build(MonteCarloRunner.Run(prepared.Model, new RunSettings { Trials = 1024, Threads = 1 }));
        Assert.Multiple(() =>
        {
            Assert.That(scenario.Variant, Is.EqualTo("elite_commandos"));
            Assert.That(scenario.Overrides, Is.EqualTo(new[] { "sk_shift=0.05" }));
            Assert.That(scenario.DescribeParameter("sk_shift"), Is.EqualTo("0.05"));
            Assert.That(results.Variant, Is.EqualTo("elite_commandos"));
            Assert.That(results.Overrides, Is.EqualTo(new[] { "sk_shift=0.05" }));
            Assert.That(results.Outcomes.OfType<ProbabilityEstimate>().Select(p => p.Estimate),
                Is.EqualTo(direct.Outcomes.OfType<ProbabilityResult>().Select(p => p.Estimate)));
            Assert.That(scenario.WithVariant(null).Variant, Is.Null, "back to the base scenario");
        });
    }

    [Test]
    public void The_numbers_do_not_depend_on_the_threads()
    {
        var scenario = EscalationScenario.Parse(Geometric);
        var one = scenario.Run(new RunOptions { Trials = 5000, Threads = 1 });
        var three = scenario.Run(new RunOptions { Trials = 5000, Threads = 3 });
        Assert.That(three.ToString(), Is.EqualTo(one.ToString()));
    }

    [Test]
    public void Bad_input_is_a_scenario_exception_with_file_line_and_column()
    {
        var broken = Geometric.Replace("initial: Off", "initial: Of", StringComparison.Ordinal);
        var problem = Assert.Throws<ScenarioException>(() => EscalationScenario.Parse(broken, "broken.yaml"))!;
        Assert.Multiple(() =>
        {
            Assert.That(problem.Diagnostics, Is.EqualTo(ScenarioPipeline.ValidateText(broken, "broken.yaml").Where(d => d.Severity == DiagnosticSeverity.Error)));
            Assert.That(problem.Diagnostics[0].ToString(), Does.StartWith("broken.yaml:5:14: error: "));
            Assert.That(Assert.Throws<ScenarioException>(() => EscalationScenario.Parse(Geometric).WithVariant("fast"))!.Message,
                Does.Contain("no variant 'fast'"));
            Assert.That(Assert.Throws<ScenarioException>(() => EscalationScenario.Parse(Geometric).WithParameter("q", 0.1))!.Message,
                Does.Contain("--set names parameter 'q', which the scenario does not define"));
            Assert.That(Assert.Throws<ScenarioException>(() => EscalationScenario.Load("no/such/file.yaml"))!.Diagnostics[0].Position.File,
                Is.EqualTo("no/such/file.yaml"));
        });
    }

    [Test]
    public void Options_out_of_range_are_refused_before_any_trial()
    {
        var scenario = EscalationScenario.Parse(Geometric);
        Assert.Multiple(() =>
        {
            Assert.That(() => scenario.Run(new RunOptions { Trials = 0 }), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => scenario.Run(new RunOptions { Threads = 0 }), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => scenario.Update(Evidence.Parse("as_of: 1\nobservations: []\n"), new UpdateOptions { Trials = 0 }),
                Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void Cancelling_keeps_the_whole_blocks_done_with_the_numbers_of_a_run_of_that_many_trials()
    {
        var scenario = EscalationScenario.Parse(Geometric);
        using var cancellation = new CancellationTokenSource();
        var reported = new List<long>();
        var options = new RunOptions
        {
            Trials = 8 * 1024, Threads = 1,
            Progress = done => { lock (reported) reported.Add(done); cancellation.Cancel(); },
        };
        var partial = scenario.Run(options, cancellation.Token);
        var whole = scenario.Run(new RunOptions { Trials = 1024, Threads = 1 });
        Assert.Multiple(() =>
        {
            Assert.That(partial.IsPartial, Is.True);
            Assert.That(partial.Trials, Is.EqualTo(1024));
            Assert.That(partial.TrialsRequested, Is.EqualTo(8 * 1024));
            Assert.That(reported, Is.EqualTo(new[] { 1024L }));
            Assert.That(partial.ToString(), Is.EqualTo(whole.ToString()));
        });
    }

    [Test]
    public void Cancelling_before_the_first_block_throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.That(() => EscalationScenario.Parse(Geometric).Run(null, cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void Exact_answers_have_zero_width_and_are_those_of_the_chain()
    {
        var exact = EscalationScenario.Parse(Geometric).Exact();
        var reached = exact.Probability("on_by_3");
        Assert.Multiple(() =>
        {
            Assert.That(exact.Method, Is.EqualTo("exact"));
            Assert.That(reached.Estimate, Is.EqualTo(1 - Math.Pow(0.8, 3)).Within(1e-12));
            Assert.That(reached.Interval.HalfWidth, Is.Zero);
            Assert.That(exact.Categorical("final_m")["On"].Probability, Is.EqualTo(1 - Math.Pow(0.8, 12)).Within(1e-12));
            Assert.That(exact.Distribution("first_on").Never, Is.EqualTo(Math.Pow(0.8, 12)).Within(1e-12));
        });
    }

    [Test]
    public void Evidence_updates_exactly_and_with_particles_agree()
    {
        var scenario = EscalationScenario.Parse(Geometric);
        var evidence = Evidence.Parse("as_of: 2\nobservations:\n  - { source: s, holds: \"m == Off\", at: 2 }\n");
        var exact = scenario.Exact(evidence);
        var update = scenario.Update(evidence, new UpdateOptions { Trials = 16_384, Threads = 2 });
        // Given Off after step 2, On by step 3 means moving at step 3: probability 0.2.
        var estimate = update.Posterior.Probability("on_by_3");
        Assert.Multiple(() =>
        {
            Assert.That(exact.Posterior.Probability("on_by_3").Estimate, Is.EqualTo(0.2).Within(1e-12));
            Assert.That(exact.LogMarginalLikelihood, Is.EqualTo(Math.Log(0.64)).Within(1e-12));
            Assert.That(exact.Method, Is.EqualTo("exact"));
            Assert.That(update.EnoughEffectiveDraws, Is.True);
            Assert.That(update.Observations, Is.EqualTo(1));
            Assert.That(estimate.Estimate, Is.EqualTo(0.2).Within(5 * Math.Sqrt(0.2 * 0.8 / update.EffectiveDraws)));
            Assert.That(update.LogMarginalLikelihood, Is.EqualTo(Math.Log(0.64)).Within(5 * update.LogMarginalLikelihoodStandardError + 1e-9));
            Assert.That(update.Prior.Probability("on_by_3").Estimate, Is.EqualTo(1 - Math.Pow(0.8, 3)).Within(0.02));
        });
    }

    [Test]
    public void Impossible_or_broken_evidence_is_a_scenario_exception_at_the_observation()
    {
        var scenario = EscalationScenario.Parse(Geometric);
        var impossible = Evidence.Parse("as_of: 1\nobservations:\n  - { source: s, does_not_hold: \"m in [Off, On]\", at: 1 }\n", "e.yaml");
        var broken = Evidence.Parse("as_of: 1\nobservations:\n  - { source: s, holds: \"m == Onn\", at: 1 }\n", "b.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ScenarioException>(() => scenario.Update(impossible, new UpdateOptions { Trials = 4096, Threads = 1 }))!
                .Diagnostics.Single().ToString(), Does.StartWith("e.yaml:3:").And.Contain("error: the evidence is impossible"));
            Assert.That(Assert.Throws<ScenarioException>(() => scenario.Exact(impossible))!.Diagnostics.Single().Position.File, Is.EqualTo("e.yaml"));
            Assert.That(Assert.Throws<ScenarioException>(() => scenario.Exact(broken))!.Diagnostics[0].ToString(), Does.StartWith("b.yaml:3:"));
        });
    }

    [Test]
    public void Asking_for_an_outcome_that_is_not_there_names_the_ones_that_are()
    {
        var results = EscalationScenario.Parse(Geometric).Run(new RunOptions { Trials = 1024, Threads = 1 });
        Assert.Multiple(() =>
        {
            Assert.That(() => results["on_by_4"], Throws.TypeOf<KeyNotFoundException>().With.Message.Contains("on_by_3, first_on, final_m"));
            Assert.That(() => results.Probability("first_on"), Throws.TypeOf<KeyNotFoundException>().With.Message.Contains("not a probability"));
            Assert.That(() => results.OccupancyOf("m", "Gone"), Throws.TypeOf<KeyNotFoundException>().With.Message.Contains("Off, On"));
        });
    }
}
