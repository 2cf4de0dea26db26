using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NorthKoreaShadowWar.Cli.Explorer;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Explorer;

/// <summary>The explorer's JSON endpoints, on a server started in this process with small limits so the runs stay quick.</summary>
public class ExplorerApiTests
{
    private ExplorerServer server = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        server = await ExplorerServer.StartAsync(new ExplorerOptions
        {
            Scenarios = new ScenarioFolder(Paths.Scenarios),
            DefaultScenario = "baseline.yaml",
            Port = 0,
            DefaultTrials = 1024,
            MaxTrialsPerRequest = 4096,
            MaxTotalTrials = 8192,
        });
        client = new HttpClient { BaseAddress = server.Url };
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    [Test]
    public void The_server_listens_on_loopback_only()
    {
        Assert.That(IPAddress.IsLoopback(IPAddress.Parse(server.Url.Host)), Is.True, server.Url.ToString());
    }

    [Test]
    public async Task The_page_and_its_script_and_style_are_served_from_the_program_itself()
    {
        var page = await client.GetStringAsync("/");
        var script = await client.GetAsync("/explorer.js");
        var style = await client.GetAsync("/explorer.css");
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("<script src=\"/explorer.js\">").And.Contain("data-runs"));
            Assert.That(page, Does.Not.Match("(src|href)=\"(https?:)?//"), "nothing from outside");
            Assert.That(script.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/javascript"));
            Assert.That(style.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/css"));
        });
    }

    [Test]
    public async Task The_scenario_list_names_the_bundled_scenarios_and_the_limits()
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/scenarios");
        Assert.Multiple(() =>
        {
            Assert.That(list.GetProperty("scenarios").EnumerateArray().Select(s => s.GetString()), Does.Contain("baseline.yaml").And.Contain("bench/ref4x6.yaml"));
            Assert.That(list.GetProperty("defaultScenario").GetString(), Is.EqualTo("baseline.yaml"));
            Assert.That(list.GetProperty("defaultTrials").GetInt32(), Is.EqualTo(1024));
            Assert.That(list.GetProperty("maxTotalTrials").GetInt64(), Is.EqualTo(8192));
        });
    }

    [Test]
    public async Task The_description_gives_each_parameter_a_range_from_its_distribution_and_each_machine_its_states()
    {
        var description = await client.GetFromJsonAsync<JsonElement>("/api/scenario?file=baseline.yaml");
        var parameters = description.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        var shift = parameters["sk_shift"];
        var training = parameters["p_training"];
        var troops = parameters["troops0"];
        var skAid = description.GetProperty("machines").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "sk_aid");
        Assert.Multiple(() =>
        {
            Assert.That(shift.GetProperty("kind").GetString(), Is.EqualTo("drawn"));
            Assert.That(shift.GetProperty("minimum").GetDouble(), Is.EqualTo(0.002));
            Assert.That(shift.GetProperty("maximum").GetDouble(), Is.EqualTo(0.012));
            Assert.That(shift.GetProperty("start").GetDouble(), Is.EqualTo(0.007).Within(1e-12));
            Assert.That(training.GetProperty("kind").GetString(), Is.EqualTo("fixed"));
            Assert.That(training.GetProperty("value").GetDouble(), Is.EqualTo(0.5));
            Assert.That(training.GetProperty("maximum").GetDouble(), Is.EqualTo(1));
            Assert.That(troops.GetProperty("minimum").GetDouble(), Is.EqualTo(0), "a lognormal's support starts at 0");
            Assert.That(troops.GetProperty("maximum").GetDouble(), Is.GreaterThan(12000).And.LessThan(30000), "its 99th percentile");
            Assert.That(skAid.GetProperty("states").EnumerateArray().Select(s => s.GetProperty("name").GetString()), Does.Contain("IndirectLethal"));
            Assert.That(skAid.GetProperty("transitions").GetArrayLength(), Is.GreaterThan(0));
            Assert.That(description.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("name").GetString()), Does.Contain("early_lethal_aid"));
        });
    }

    [Test]
    public async Task A_variant_changes_the_ranges_of_the_parameters_it_replaces()
    {
        var description = await client.GetFromJsonAsync<JsonElement>("/api/scenario?file=baseline.yaml&variant=early_lethal_aid");
        var shift = description.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "sk_shift");
        Assert.Multiple(() =>
        {
            Assert.That(description.GetProperty("variant").GetString(), Is.EqualTo("early_lethal_aid"));
            Assert.That(shift.GetProperty("minimum").GetDouble(), Is.EqualTo(0.04));
            Assert.That(shift.GetProperty("maximum").GetDouble(), Is.EqualTo(0.08));
        });
    }

    [Test]
    public async Task A_run_with_an_override_gives_every_outcome_with_its_interval_and_more_shift_means_more_lethal_aid()
    {
        var low = await Run(new { scenario = "baseline.yaml", set = new { sk_shift = 0.003 } });
        var high = await Run(new { scenario = "baseline.yaml", set = new { sk_shift = "0.011" } });
        var (lowEstimate, lowInterval) = Probability(low, "sk_lethal_aid_1y");
        var (highEstimate, highInterval) = Probability(high, "sk_lethal_aid_1y");
        Assert.Multiple(() =>
        {
            Assert.That(low.GetProperty("trials").GetInt64(), Is.EqualTo(1024));
            Assert.That(low.GetProperty("overrides")[0].GetString(), Is.EqualTo("sk_shift=0.003"));
            Assert.That(lowInterval.Lower, Is.LessThan(lowEstimate));
            Assert.That(lowInterval.Upper, Is.GreaterThan(lowEstimate));
            Assert.That(highEstimate, Is.GreaterThan(highInterval.Lower).And.LessThan(highInterval.Upper));
            Assert.That(highEstimate, Is.GreaterThan(lowEstimate + 0.1));
            Assert.That(low.GetProperty("outcomes").GetArrayLength(), Is.EqualTo(high.GetProperty("outcomes").GetArrayLength()));
        });
    }

    [Test]
    public async Task A_run_through_the_api_equals_a_run_of_the_engine_with_the_same_set_and_seed()
    {
        var answer = await Run(new { scenario = "baseline.yaml", set = new { sk_shift = 0.009 }, seed = 7, trials = 1000 });
        var prepared = ScenarioPipeline.Prepare(Path.Combine(Paths.Scenarios, "baseline.yaml"), null, ["sk_shift=0.009"]);
        var simulation = MonteCarloRunner.Run(prepared.Model, new RunSettings { Trials = 1024, Seed = 7, Threads = 1 });
        var expected = (ProbabilityResult)ResultsBuilder.Build(simulation, measureCorrelations: false).Outcomes.Single(o => o.Name == "sk_lethal_aid_1y");
        var (estimate, interval) = Probability(answer, "sk_lethal_aid_1y");
        Assert.Multiple(() =>
        {
            Assert.That(answer.GetProperty("trials").GetInt64(), Is.EqualTo(1024), "rounded up to whole blocks");
            Assert.That(estimate, Is.EqualTo(expected.Estimate));
            Assert.That(interval, Is.EqualTo(expected.Ci95));
        });
    }

    [Test]
    public async Task Run_more_gives_exactly_the_numbers_of_one_longer_run()
    {
        var settings = new { scenario = "baseline.yaml", variant = "tech_transfer", set = new { sk_shift = 0.008 }, seed = 3 };
        var first = await Run(new { settings.scenario, settings.variant, settings.set, settings.seed, trials = 2048 });
        var more = await Run(new { settings.scenario, settings.variant, settings.set, settings.seed, trials = 2048, from = 2048 });
        var other = new { settings.scenario, settings.variant, settings.set, seed = 4 };
        await Run(new { other.scenario, other.variant, other.set, other.seed, trials = 1024 });
        var again = await Run(new { other.scenario, other.variant, other.set, other.seed, trials = 1024, from = 2048 });
        var longer = await Run(new { settings.scenario, settings.variant, settings.set, settings.seed, trials = 4096 });
        Assert.Multiple(() =>
        {
            Assert.That(more.GetProperty("trials").GetInt64(), Is.EqualTo(4096));
            Assert.That(more.GetProperty("outcomes").GetRawText(), Is.EqualTo(longer.GetProperty("outcomes").GetRawText()));
            Assert.That(first.GetProperty("outcomes").GetRawText(), Is.Not.EqualTo(longer.GetProperty("outcomes").GetRawText()));
            Assert.That(again.GetProperty("trials").GetInt64(), Is.EqualTo(3072), "the earlier trials are run again when they were not kept");
            Assert.That(again.GetProperty("simulatedTrials").GetInt64(), Is.EqualTo(3072), "all of them were run by this one request");
        });
    }

    [Test]
    public async Task A_value_that_makes_the_scenario_invalid_is_400_with_the_engines_message()
    {
        var (status, error) = await Post("/api/run", new { scenario = "baseline.yaml", set = new { sk_shift = 1.5 } });
        var messages = error.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("message").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(messages, Has.Some.Match(@"^baseline\.yaml:\d+:\d+: error: the outgoing probabilities of state 'NonLethal' of machine 'sk_aid' add up to"));
            Assert.That(messages, Has.Some.Match(@"^baseline\.yaml:\d+:\d+: error: probability 'sk_shift' is 1\.5"));
            Assert.That(error.GetProperty("error").GetString(), Does.Contain("error:"));
        });
    }

    [Test]
    public async Task A_value_that_is_not_a_number_is_400_with_a_message_naming_the_parameter()
    {
        var (status, error) = await Post("/api/run", new { scenario = "baseline.yaml", set = new { sk_shift = "abc" } });
        var diagnostic = error.GetProperty("diagnostics")[0];
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(diagnostic.GetProperty("message").GetString(), Is.EqualTo("--set sk_shift=abc:1:10: error: in parameter 'sk_shift': unknown name 'abc'"));
            Assert.That(diagnostic.GetProperty("parameter").GetString(), Is.EqualTo("sk_shift"));
        });
    }

    [TestCase("{\"scenario\":\"baseline.yaml\",\"set\":{\"nonsense\":1}}", "which the scenario does not define")]
    [TestCase("{\"scenario\":\"baseline.yaml\",\"set\":{\"sk_shift\":[1]}}", "must be a number or a text")]
    [TestCase("{\"scenario\":\"baseline.yaml\",\"variant\":\"nope\"}", "no variant 'nope'")]
    [TestCase("{\"scenario\":\"../README.md\"}", "escapes the scenario folder")]
    [TestCase("{\"scenario\":\"/etc/passwd\"}", "absolute path")]
    [TestCase("{\"scenario\":\"baseline.yaml\",\"trials\":5000}", "trials must be between 1 and 4,096")]
    [TestCase("{\"scenario\":\"baseline.yaml\",\"trials\":0}", "trials must be between 1 and 4,096")]
    [TestCase("{\"scenario\":\"baseline.yaml\",\"trials\":4096,\"from\":8192}", "at most 8,192 trials in all")]
    [TestCase("{\"scenario\":\"baseline.yaml\",\"from\":100}", "from must be a non-negative multiple of 1,024")]
    [TestCase("{\"scenario\":\"baseline.yaml\",\"from\":9223372036854774784}", "at most 8,192 trials in all")]
    [TestCase("{\"scenario\": 12}", "not the JSON expected")]
    [TestCase("not json", "not the JSON expected")]
    public async Task A_bad_run_request_is_400_with_a_message_and_no_stack_trace(string body, string message)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/run", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
            Assert.That(JsonDocument.Parse(text).RootElement.GetProperty("error").GetString(), Does.Contain(message));
            Assert.That(text, Does.Not.Contain(" at NorthKoreaShadowWar").And.Not.Contain("Exception"));
        });
    }

    [Test]
    public async Task A_missing_scenario_file_is_404()
    {
        using var response = await client.GetAsync("/api/scenario?file=missing.yaml");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_request_body_over_the_limit_is_413()
    {
        var padding = new string(' ', (int)ExplorerOptions.MaxRequestBodyBytes + 10);
        using var content = new StringContent("{\"scenario\":\"baseline.yaml\"" + padding + "}", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/run", content);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(error, Does.Contain("larger than 64 KiB"));
        });
    }

    [Test]
    public async Task A_run_request_that_is_not_json_is_415()
    {
        using var content = new StringContent("scenario=baseline.yaml", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await client.PostAsync("/api/run", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    [Test]
    public async Task A_request_addressed_to_another_host_name_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/scenarios");
        request.Headers.Host = "attacker.example";
        using var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task A_trace_tells_one_trial_as_a_story_with_the_overrides_applied()
    {
        var (status, story) = await Post("/api/trace", new { scenario = "baseline.yaml", set = new { sk_shift = 0.012 }, trial = 2, seed = 5 });
        var lines = story.GetProperty("lines").EnumerateArray().Select(l => l.GetString()!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(story.GetProperty("heading").GetString(), Is.EqualTo("Trial 2 (seed 5)"));
            Assert.That(lines[0], Does.StartWith("Week 0: "));
            Assert.That(lines[^1], Does.StartWith("End of week 104: "));
        });
    }

    [Test]
    public async Task A_trace_of_an_invalid_setting_is_400()
    {
        var (status, _) = await Post("/api/trace", new { scenario = "baseline.yaml", set = new { sk_shift = "abc" } });
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    /// <summary>
    /// One slot, no waiting: while a long run holds the slot, another run is turned away. The long run may itself be
    /// turned away when it arrives while a short one holds the slot; it is then sent again, until a short run is seen
    /// refused or a generous deadline passes.
    /// </summary>
    [Test]
    public async Task Runs_beyond_the_concurrency_limit_are_turned_away_with_503()
    {
        const int longRun = 1024 * RunSettings.BlockSize;
        await using var busy = await ExplorerServer.StartAsync(new ExplorerOptions
        {
            Scenarios = new ScenarioFolder(Paths.Scenarios),
            Port = 0,
            MaxTrialsPerRequest = longRun,
            MaxConcurrentRuns = 1,
            RunQueueTimeout = TimeSpan.Zero,
            Threads = 1,
        });
        using var busyClient = new HttpClient { BaseAddress = busy.Url };
        (await busyClient.PostAsJsonAsync("/api/run", new { scenario = "baseline.yaml", trials = 1024 })).Dispose();
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        var status = HttpStatusCode.OK;
        while (status != HttpStatusCode.ServiceUnavailable && deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            using var cancel = new CancellationTokenSource();
            var slow = busyClient.PostAsJsonAsync("/api/run", new { scenario = "baseline.yaml", trials = longRun }, cancel.Token);
            do
            {
                using var response = await busyClient.PostAsJsonAsync("/api/run", new { scenario = "baseline.yaml", trials = 1024 });
                status = response.StatusCode;
            }
            while (status == HttpStatusCode.OK && !slow.IsCompleted && deadline.Elapsed < TimeSpan.FromSeconds(120));
            await cancel.CancelAsync();
            try { (await slow).Dispose(); } catch (OperationCanceledException) { }
        }
        Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    private async Task<JsonElement> Run(object body)
    {
        var (status, answer) = await Post("/api/run", body);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        return answer;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Post(string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static (double Estimate, (double Lower, double Upper) Interval) Probability(JsonElement run, string name)
    {
        var outcome = run.GetProperty("outcomes").EnumerateArray().Single(o => o.GetProperty("name").GetString() == name);
        var interval = outcome.GetProperty("ci95");
        return (outcome.GetProperty("estimate").GetDouble(), (interval[0].GetDouble(), interval[1].GetDouble()));
    }
}
