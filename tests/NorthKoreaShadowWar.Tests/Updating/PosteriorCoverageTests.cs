using System.Globalization;
using System.Text;
using MathNet.Numerics.Distributions;
using NorthKoreaShadowWar.Tests.Support;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Tests.Updating;

/// <summary>
/// Coverage: with data simulated from the prior (a rate θ drawn from its prior, one trial simulated with it, evidence
/// written from that trial, noise included), the posterior 90% interval of θ that <c>update</c> reports covers the
/// true θ in 90% of the replications, within 5 binomial standard errors.
/// </summary>
public class PosteriorCoverageTests
{
    private const int Replications = 400;
    private const int Horizon = 10;
    private const double Nominal = 0.9;

    /// <summary>Three machines that switch on with the same rate per step; a report on the third is partly reliable.</summary>
    private const string Scenario = """
        name: coverage
        horizon: 10
        parameters:
          rate: { beta: { alpha: 2, beta: 2 } }
        machines:
          a: { initial: Off, states: [Off, On], absorbing: [On], transitions: [ { from: Off, to: On, p: rate } ] }
          b: { initial: Off, states: [Off, On], absorbing: [On], transitions: [ { from: Off, to: On, p: rate } ] }
          c: { initial: Off, states: [Off, On], absorbing: [On], transitions: [ { from: Off, to: On, p: rate } ] }
        outcomes:
          a_on: { reached: a.On }
        """;

    /// <summary>The report on c at <see cref="ReportStep"/> says On with these probabilities when c is On, and when it is Off.</summary>
    private const double SaysOnWhenOn = 0.8, SaysOnWhenOff = 0.3;
    private const int ReportStep = 4;

    [Test]
    public void Posterior_90_percent_intervals_cover_the_true_rate_at_their_nominal_rate()
    {
        var covered = new bool[Replications];
        Parallel.For(0, Replications, new ParallelOptions { MaxDegreeOfParallelism = 2 }, r =>
        {
            var random = new Random(20241028 + r);
            var rate = Beta.Sample(random, 2, 2);
            var (prepared, evidence) = UpdateTesting.Load(Scenario, Evidence(rate, random));
            var result = UpdateRunner.Run(prepared.Model, evidence, new UpdateSettings { Trials = UpdateSettings.BlockSize, Seed = (ulong)r + 1, Threads = 1 });
            var interval = result.Evidence.Parameters.Single(p => p.Name == "rate").Posterior90;
            covered[r] = interval.P05 <= rate && rate <= interval.P95;
        });
        var coverage = covered.Count(c => c) / (double)Replications;
        var se = Math.Sqrt(Nominal * (1 - Nominal) / Replications);
        TestContext.Out.WriteLine($"coverage of the 90% intervals: {coverage:P1} over {Replications} replications (binomial standard error {se:P1})");
        Assert.That(coverage, Is.EqualTo(Nominal).Within(Tolerance.StandardErrors * se));
    }

    /// <summary>One trial of the scenario with the given rate, and the evidence written from it: when a and b first switched on (or that they had not by the horizon), and the report on c.</summary>
    private static string Evidence(double rate, Random random)
    {
        var firstOn = new int[3];
        for (var m = 0; m < 3; m++)
        {
            firstOn[m] = -1;
            for (var t = 1; t <= Horizon && firstOn[m] < 0; t++)
                if (random.NextDouble() < rate) firstOn[m] = t;
        }
        var text = new StringBuilder($"as_of: {Horizon}\nobservations:\n");
        foreach (var (machine, first) in new[] { ("a", firstOn[0]), ("b", firstOn[1]) })
            text.Append(first > 0
                ? $"  - {{ source: sim, first_held: \"{machine} == On\", between: [{first}, {first}] }}\n"
                : $"  - {{ source: sim, not_held_by: \"{machine} == On\", by: {Horizon} }}\n");
        var on = firstOn[2] > 0 && firstOn[2] <= ReportStep;
        var saysOn = random.NextDouble() < (on ? SaysOnWhenOn : SaysOnWhenOff);
        var (ifOn, ifOff) = saysOn ? (SaysOnWhenOn, SaysOnWhenOff) : (1 - SaysOnWhenOn, 1 - SaysOnWhenOff);
        text.Append(CultureInfo.InvariantCulture, $"  - {{ source: sim, report: c, at: {ReportStep}, likelihood: {{ On: {ifOn}, Off: {ifOff} }} }}\n");
        return text.ToString();
    }
}
