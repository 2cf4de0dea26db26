using System.Text.Json;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Statistics;

/// <summary>Every reported quantile of every distribution carries its interval, in the results and in both files.</summary>
public class QuantileIntervalOutputTests
{
    private const string Scenario = """
        name: quantiles
        horizon: 30
        parameters:
          size: { uniform: [0, 10] }
        variables:
          x: { initial: size }
        machines:
          a:
            initial: Off
            states: [Off, On]
            absorbing: [On]
            transitions: [ { from: Off, to: On, p: 0.1 } ]
        outcomes:
          on: { reached: a.On }
          first: { first_step: a.On }
          x_end: { value: x }
          in_on: { steps_in: a.On }
          final_a: { final: a }
        """;

    private static readonly string[] Labels = ["p05", "p25", "p50", "p75", "p95"];

    [Test]
    public void Each_quantile_lies_inside_its_interval_and_the_intervals_widen_with_fewer_trials()
    {
        var many = Simulate.Text(Scenario, trials: 20_000);
        var few = Simulate.Text(Scenario, trials: 500);
        foreach (var name in new[] { "first", "x_end", "in_on" })
        {
            var distribution = many.Distribution(name);
            Assert.That(distribution.QuantilesCi95.Select(q => q.Label), Is.EqualTo(Labels), name);
            foreach (var ((label, value), (_, ci)) in distribution.Quantiles.Zip(distribution.QuantilesCi95))
            {
                var fewCi = few.Distribution(name).QuantilesCi95.Single(q => q.Label == label).Ci95;
                Assert.Multiple(() =>
                {
                    Assert.That(value, Is.InRange(ci.Lower, ci.Upper), $"{name} {label}");
                    Assert.That(fewCi.Upper - fewCi.Lower, Is.GreaterThanOrEqualTo(ci.Upper - ci.Lower), $"{name} {label}");
                });
            }
        }
    }

    [Test]
    public void Summary_json_has_quantilesCi95_beside_the_unchanged_quantiles()
    {
        var result = Simulate.Text(Scenario, trials: 3_000);
        using var stream = new MemoryStream();
        SummaryJsonWriter.Write(result, stream);
        using var summary = JsonDocument.Parse(stream.ToArray());
        var x = summary.RootElement.GetProperty("outcomes").GetProperty("x_end");
        var keys = x.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(x.GetProperty("quantiles").EnumerateObject().Select(p => p.Name), Is.EqualTo(Labels));
            Assert.That(keys.IndexOf("quantilesCi95"), Is.EqualTo(keys.IndexOf("quantiles") + 1));
            Assert.That(x.GetProperty("quantilesCi95").EnumerateObject().Select(p => p.Name), Is.EqualTo(Labels));
            foreach (var label in Labels)
            {
                var ci = x.GetProperty("quantilesCi95").GetProperty(label);
                var value = x.GetProperty("quantiles").GetProperty(label).GetDouble();
                Assert.That(ci.GetArrayLength(), Is.EqualTo(2));
                Assert.That(value, Is.InRange(ci[0].GetDouble(), ci[1].GetDouble()), label);
            }
            Assert.That(summary.RootElement.GetProperty("outcomes").GetProperty("on").TryGetProperty("quantilesCi95", out _), Is.False);
        });
    }

    [Test]
    public void An_unbounded_side_is_null_in_summary_json()
    {
        // 20 trials: nothing bounds the 5th percentile from below or the 95th from above.
        var result = Simulate.Text(Scenario, trials: 20);
        using var stream = new MemoryStream();
        SummaryJsonWriter.Write(result, stream);
        using var summary = JsonDocument.Parse(stream.ToArray());
        var ci = summary.RootElement.GetProperty("outcomes").GetProperty("x_end").GetProperty("quantilesCi95");
        Assert.Multiple(() =>
        {
            Assert.That(ci.GetProperty("p05")[0].ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(ci.GetProperty("p05")[1].ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(ci.GetProperty("p95")[1].ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public void Outcomes_csv_appends_low_and_high_columns_after_the_existing_ones()
    {
        var result = Simulate.Text(Scenario, trials: 2_000);
        var path = Path.GetTempFileName();
        try
        {
            CsvWriter.WriteOutcomes(result, path);
            var lines = File.ReadAllLines(path);
            var header = Csv.Fields(lines[0]);
            string[] existing = ["outcome", "kind", "definition", "estimate", "ci95_low", "ci95_high", "sd", .. Labels, "never", "count", "categories"];
            var appended = Labels.SelectMany(l => new[] { $"{l}_low", $"{l}_high" }).ToArray();
            var rows = lines.Skip(1).Select(l => Csv.Fields(l)).ToDictionary(f => f[0]);
            Assert.Multiple(() =>
            {
                Assert.That(header, Is.EqualTo(existing.Concat(appended)));
                Assert.That(rows.Values.Select(r => r.Count), Is.All.EqualTo(header.Count));
                var x = result.Distribution("x_end");
                var row = rows["x_end"];
                for (var i = 0; i < Labels.Length; i++)
                {
                    var ci = x.QuantilesCi95[i].Ci95;
                    Assert.That(double.Parse(row[existing.Length + 2 * i], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(ci.Lower), Labels[i]);
                    Assert.That(double.Parse(row[existing.Length + 2 * i + 1], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(ci.Upper), Labels[i]);
                }
                Assert.That(rows["on"].Skip(existing.Length), Is.All.Empty);
                Assert.That(rows["final_a"].Skip(existing.Length), Is.All.Empty);
            });
        }
        finally
        {
            File.Delete(path);
        }
    }
}
