using System.Globalization;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Exact;
using NorthKoreaShadowWar.Reporting;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Tests.Support;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Tests.Library;

/// <summary>
/// The library writes the same text whatever the culture of the program that uses it (docs/library.md): a program
/// running under a culture that writes a half as 0,5 and a thousand as 1.000 (de-DE) gets, from the public API, the
/// same descriptions, results, messages and errors as under the invariant culture, and the results folders and
/// reports the command line writes from those results are the same, byte for byte (without what measures time).
/// </summary>
[NonParallelizable]
public class LibraryCultureTests
{
    /// <summary>A drawn parameter, a cost with decimals, a variant, and every kind of outcome.</summary>
    private const string Drawn = """
        name: drawn
        horizon: 12
        parameters:
          rate: { beta: { alpha: 2, beta: 6 } }
          cost: 1500.5
        variables:
          spent: { initial: 0 }
        machines:
          a:
            initial: { Off: 0.75, On: 0.25 }
            states: [Off, On]
            absorbing: [On]
            each_step: { Off: { spent: "+= cost" } }
            transitions: [ { from: Off, to: On, p: rate } ]
        outcomes:
          on: { reached: a.On, within: 4 }
          first: { first_step: a.On }
          final_a: { final: a }
          spent_end: { value: spent }
        variants:
          faster:
            parameters:
              rate: { beta: { alpha: 3, beta: 5 } }
        """;

    /// <summary>Fixed parameters and outcomes over states only, which exact propagation solves.</summary>
    private const string Fixed = """
        name: fixed
        horizon: 12
        machines:
          a:
            initial: { Off: 0.75, On: 0.25 }
            states: [Off, On, Gone]
            absorbing: [Gone]
            transitions:
              - { from: Off, to: On, p: 0.125 }
              - { from: On, to: Gone, p: 0.0625 }
        outcomes:
          on: { reached: a.On, within: 4 }
          first: { first_step: a.Gone }
          final_a: { final: a }
        """;

    private const string Evidence = """
        as_of: 3
        observations:
          - { source: s, holds: "a == On", at: 3, reliability: 0.875 }
        """;

    private const string MeasuredEvidence = """
        as_of: 3
        observations:
          - { source: s, holds: "a == On", at: 3, reliability: 0.875 }
          - { source: t, measured: spent, at: 2, value: { normal: { mean: 1500.5, sd: 700.25 } } }
        """;

    private static readonly CultureInfo CommaDecimal = CultureInfo.GetCultureInfo("de-DE");

    private string directory = "";

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("shadowwar-library-culture-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [Test]
    public void The_comma_decimal_culture_writes_a_half_with_a_comma_so_the_other_tests_can_tell()
    {
        Assert.That(Under(CommaDecimal, () => $"{0.5}"), Is.EqualTo("0,5"));
    }

    [Test]
    public void The_public_api_gives_the_same_text_under_a_comma_decimal_culture()
    {
        var invariant = Under(CultureInfo.InvariantCulture, Texts);
        var comma = Under(CommaDecimal, Texts);
        Assert.That(invariant.Select(t => t.What), Is.EqualTo(comma.Select(t => t.What)));
        Assert.Multiple(() =>
        {
            foreach (var ((what, expected), (_, actual)) in invariant.Zip(comma))
                Assert.That(actual, Is.EqualTo(expected), what);
        });
    }

    [Test]
    public void Errors_with_numbers_read_the_same_under_a_comma_decimal_culture()
    {
        var literal = Drawn.Replace("p: rate", "p: 1.5", StringComparison.Ordinal);
        var atRunTime = Drawn.Replace("p: rate", "p: \"spent / 2001\"", StringComparison.Ordinal);
        string Refused() => string.Join('\n', Assert.Throws<ScenarioException>(() => EscalationScenario.Parse(literal, "over.yaml"))!.Diagnostics);
        string Failed() => Assert.Throws<SimulationException>(() => EscalationScenario.Parse(atRunTime, "late.yaml").Run(new RunOptions { Trials = 100, Threads = 1 }))!.Message;
        string OutOfRange() => Assert.Throws<ArgumentOutOfRangeException>(() => EscalationScenario.Parse(Drawn).Run(new RunOptions { Trials = RunOptions.MaximumTrials + 1 }))!.Message;
        Assert.Multiple(() =>
        {
            Assert.That(Under(CommaDecimal, Refused), Is.EqualTo(Under(CultureInfo.InvariantCulture, Refused)).And.Contain("1.5"));
            Assert.That(Under(CommaDecimal, Failed), Is.EqualTo(Under(CultureInfo.InvariantCulture, Failed)));
            Assert.That(Under(CommaDecimal, OutOfRange).Split('\n')[0], Is.EqualTo(Under(CultureInfo.InvariantCulture, OutOfRange).Split('\n')[0]));
        });
    }

    [TestCase("run")]
    [TestCase("exact")]
    [TestCase("update")]
    public void The_results_folder_written_from_the_library_under_a_comma_decimal_culture_is_the_same(string kind)
    {
        var invariant = Under(CultureInfo.InvariantCulture, () => Write(kind, Path.Combine(directory, "invariant")));
        var comma = Under(CommaDecimal, () => Write(kind, Path.Combine(directory, "comma")));
        var files = ComparableOutput.Files(invariant);
        Assert.That(files, Has.Member("report.html").And.Member("summary.json"));
        Assert.Multiple(() =>
        {
            Assert.That(ComparableOutput.Files(comma), Is.EqualTo(files), "the files written");
            foreach (var file in files)
                Assert.That(ComparableOutput.Of(Path.Combine(comma, file)), Is.EqualTo(ComparableOutput.Of(Path.Combine(invariant, file))), file);
        });
    }

    /// <summary>Everything the public API says in text, each with what it is.</summary>
    private static List<(string What, string Text)> Texts()
    {
        var texts = new List<(string, string)>();
        var scenario = EscalationScenario.Parse(Drawn, "drawn.yaml")
            .WithVariant("faster").WithOverride("cost=2500.75").WithParameter("rate", Distribution.Beta(2.5, 6.5));
        texts.Add(("scenario", scenario.ToString()));
        texts.Add(("parameter", scenario.DescribeParameter("rate")));
        texts.Add(("options", new RunOptions { Trials = 2500, Seed = 7, Threads = 2 }.ToString()));
        texts.Add(("update options", new UpdateOptions { TargetEffectiveDraws = 1234.5, Threads = 2 }.ToString()));
        texts.Add(("built", ScenarioBuilder.Create("built").Horizon(12).Step("week")
            .Parameter("shift", Distribution.Pert(0.01, 0.05, 0.3)).Parameter("troops", Distribution.LogNormalWithin90(2500.5, 12000))
            .Machine("m", m => m.Initial("A").States("A", "B").Transition("A", "B", "shift"))
            .Reached("b", "m.B", within: 6).ToYaml()));
        texts.AddRange(Results("run", scenario.Run(new RunOptions { Trials = 3000, Seed = 7, Threads = 2 })));
        var update = scenario.Update(NorthKoreaShadowWar.Evidence.Parse(MeasuredEvidence), new UpdateOptions { Trials = 4096, Seed = 3, Threads = 2 });
        texts.Add(("update", FormattableString.Invariant($"{update.LogMarginalLikelihood} {update.EffectiveDraws} {string.Join("; ", update.Parameters)}")));
        texts.AddRange(Results("posterior", update.Posterior));
        var exact = EscalationScenario.Parse(Fixed, "fixed.yaml");
        texts.AddRange(Results("exact", exact.Exact()));
        texts.AddRange(Results("exact posterior", exact.Exact(NorthKoreaShadowWar.Evidence.Parse(Evidence)).Posterior));
        return texts;
    }

    /// <summary>The results' own text, and that of every estimate, interval, quantile, point and occupancy in them.</summary>
    private static IEnumerable<(string What, string Text)> Results(string what, ScenarioResults results)
    {
        yield return (what, results.ToString());
        foreach (var outcome in results.Outcomes)
        {
            var parts = outcome switch
            {
                ProbabilityEstimate p => [p.Interval.ToString()],
                DistributionEstimate d => d.Quantiles.Select(q => q.ToString()).Concat(d.Points.Take(5).Select(x => x.ToString())).Append(d.Interval.ToString()),
                CategoricalEstimate c => c.Categories.Select(x => x.ToString()),
                _ => Enumerable.Empty<string>(),
            };
            yield return ($"{what}: {outcome.Name}", string.Join('\n', parts.Prepend(outcome.ToString())));
        }
        yield return ($"{what}: occupancy", string.Join('\n', results.Occupancy));
    }

    /// <summary>Writes a results folder as the command line does, from work done through the library; returns the folder.</summary>
    private static string Write(string kind, string folder)
    {
        Directory.CreateDirectory(folder);
        switch (kind)
        {
            case "run":
            {
                var prepared = ScenarioPipeline.PrepareText(Drawn, "drawn.yaml");
                var result = EscalationScenario.Parse(Drawn, "drawn.yaml").Run(new RunOptions { Trials = 3000, Seed = 7, Threads = 2 }).Result;
                ResultsWriter.WriteAll(result, folder);
                ReportWriter.Write(result, prepared.Model.Scenario, folder);
                break;
            }
            case "exact":
            {
                var prepared = ScenarioPipeline.PrepareText(Fixed, "fixed.yaml");
                var result = ExactSolver.Solve(prepared.Model);
                ResultsWriter.WriteAll(result, folder);
                ReportWriter.Write(result, prepared.Model.Scenario, folder);
                break;
            }
            case "update":
            {
                var prepared = ScenarioPipeline.PrepareText(Drawn, "drawn.yaml");
                var evidence = NorthKoreaShadowWar.Evidence.Parse(MeasuredEvidence).ReadFor(prepared);
                var result = UpdateRunner.Run(prepared.Model, evidence, new UpdateSettings { Trials = 4096, Seed = 3, Threads = 2, Moves = 1 });
                ResultsWriter.WriteAll(result.Posterior, folder);
                EvidenceJson.AddTo(Path.Combine(folder, "summary.json"), result.Evidence, result.Moves);
                ReportWriter.Write(result.Posterior, prepared.Model.Scenario, folder, EvidenceReport.Lead(result.Evidence));
                break;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
        return folder;
    }

    /// <summary>Does <paramref name="work"/> with every culture setting of the process at <paramref name="culture"/>.</summary>
    private static T Under<T>(CultureInfo culture, Func<T> work)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture, CultureInfo.DefaultThreadCurrentCulture, CultureInfo.DefaultThreadCurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture, CultureInfo.DefaultThreadCurrentCulture, CultureInfo.DefaultThreadCurrentUICulture) = (culture, culture, culture, culture);
        try
        {
            return work();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture, CultureInfo.DefaultThreadCurrentCulture, CultureInfo.DefaultThreadCurrentUICulture) = saved;
        }
    }
}
