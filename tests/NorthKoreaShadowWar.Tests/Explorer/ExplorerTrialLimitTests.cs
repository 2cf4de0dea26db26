using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CsCheck;
using NorthKoreaShadowWar.Cli.Explorer;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Explorer;

/// <summary>
/// No request runs more than <c>--max-trials</c> trials, whatever its <c>trials</c>, <c>from</c> and <c>seed</c>: a
/// <c>from</c> whose earlier trials the server no longer keeps used to make it run them all again.
/// </summary>
public class ExplorerTrialLimitTests
{
    private const int MaxTrialsPerRequest = 2 * RunSettings.BlockSize, MaxTotalTrials = 16 * RunSettings.BlockSize;
    private ExplorerServer server = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        server = await ExplorerServer.StartAsync(new ExplorerOptions
        {
            Scenarios = new ScenarioFolder(Paths.Scenarios),
            Port = 0,
            DefaultTrials = RunSettings.BlockSize,
            MaxTrialsPerRequest = MaxTrialsPerRequest,
            MaxTotalTrials = MaxTotalTrials,
        });
        client = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromMinutes(2) };
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    [Test]
    public async Task A_from_near_the_total_limit_with_no_kept_run_is_refused_instead_of_running_every_trial_again()
    {
        var (status, answer) = await Run(trials: 1024, from: MaxTotalTrials - 1024, seed: 99, set: "0.0071");
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), answer.ToString());
            Assert.That(answer.GetProperty("error").GetString(), Is.EqualTo(
                "the first 15,360 trials with seed 99 are no longer kept, and running them again with the 1,024 asked for would be " +
                "16,384 trials, more than the 2,048 one request may run; start again with from 0"));
        });
    }

    [Test]
    public async Task Run_more_continues_a_kept_run_by_running_only_the_new_trials()
    {
        var first = await Run(trials: 2048, from: 0, seed: 98, set: "0.0072");
        var more = await Run(trials: 2048, from: 2048, seed: 98, set: "0.0072");
        var again = await Run(trials: 2048, from: 2048, seed: 98, set: "0.0072");
        Assert.Multiple(() =>
        {
            Assert.That(Simulated(first), Is.EqualTo(2048));
            Assert.That(Simulated(more), Is.EqualTo(2048));
            Assert.That(more.Body.GetProperty("trials").GetInt64(), Is.EqualTo(4096));
            Assert.That(Simulated(again), Is.EqualTo(0), "the same request again is answered from memory");
        });
    }

    /// <summary>
    /// Random sequences of requests against a model of what the server keeps (the last run of the one setting used
    /// here): each answer is the status the model predicts, and a request runs exactly the trials the model says,
    /// never more than the limit.
    /// </summary>
    [Test]
    public async Task No_combination_of_trials_from_and_seed_runs_more_than_the_per_request_limit()
    {
        var trials = Gen.OneOf(Gen.Const((long?)null), Gen.Long[1, MaxTrialsPerRequest].Select(t => (long?)t), Gen.Long[-100, 3 * MaxTrialsPerRequest].Select(t => (long?)t));
        var from = Gen.OneOf(Gen.Int[0, 20].Select(blocks => blocks * (long)RunSettings.BlockSize), Gen.Long[-3000, 2 * MaxTotalTrials]);
        var seed = Gen.Int[1, 3].Select(s => (ulong)s);
        var request = Gen.Select(trials, from, seed);
        await request.Array[1, 8].SampleAsync(async requests =>
        {
            var (status, answer) = await Run(trials: 1024, from: 0, seed: 0, set: "0.0073");
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
            var kept = (Seed: 0UL, Trials: 1024L);
            foreach (var (t, f, s) in requests)
            {
                var (expectedStatus, expectedSimulated, total) = Predict(t, f, s, kept);
                (status, answer) = await Run(t, f, s, "0.0073");
                var what = $"trials {t?.ToString(CultureInfo.InvariantCulture) ?? "left out"}, from {f}, seed {s}, kept {kept}: {answer}";
                Assert.That(status, Is.EqualTo(expectedStatus), what);
                if (status != HttpStatusCode.OK) continue;
                Assert.That(Simulated((status, answer)), Is.EqualTo(expectedSimulated).And.LessThanOrEqualTo(MaxTrialsPerRequest), what);
                Assert.That(answer.GetProperty("trials").GetInt64(), Is.EqualTo(total), what);
                kept = (s, total);
            }
        }, iter: 40, threads: 1, print: requests => string.Join("; ", requests.Select(r => $"trials {r.Item1}, from {r.Item2}, seed {r.Item3}")));
    }

    /// <summary>What the server should answer, given the run it keeps: the status, the trials run and the trials covered.</summary>
    private static (HttpStatusCode Status, long Simulated, long Total) Predict(long? trials, long from, ulong seed, (ulong Seed, long Trials) kept)
    {
        var asked = trials ?? RunSettings.BlockSize;
        if (asked < 1 || asked > MaxTrialsPerRequest || from < 0 || from % RunSettings.BlockSize != 0) return (HttpStatusCode.BadRequest, 0, 0);
        var rounded = (asked + RunSettings.BlockSize - 1) / RunSettings.BlockSize * RunSettings.BlockSize;
        if (from > MaxTotalTrials - rounded) return (HttpStatusCode.BadRequest, 0, 0);
        var total = from + rounded;
        if (kept == (seed, total)) return (HttpStatusCode.OK, 0, total);
        var first = from > 0 && kept == (seed, from) ? from : 0;
        return total - first > MaxTrialsPerRequest ? (HttpStatusCode.BadRequest, 0, 0) : (HttpStatusCode.OK, total - first, total);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Run(long? trials, long from, ulong seed, string set)
    {
        using var response = await client.PostAsJsonAsync("/api/run", new { scenario = "baseline.yaml", set = new { sk_shift = set }, trials, from, seed });
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static long Simulated((HttpStatusCode Status, JsonElement Body) answer)
    {
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.OK), answer.Body.ToString());
        return answer.Body.GetProperty("simulatedTrials").GetInt64();
    }
}
