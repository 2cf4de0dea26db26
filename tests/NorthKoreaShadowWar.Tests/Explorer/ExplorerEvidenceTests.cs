using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NorthKoreaShadowWar.Cli.Explorer;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Tests.Support;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Tests.Explorer;

/// <summary>
/// <c>POST /api/run</c> with <c>evidence</c>: the scenario conditioned on an evidence file, the prior beside the
/// posterior, exactly as <c>shadowwar update</c> computes them; evidence files only from the list; the trial limits;
/// impossible evidence a 400 naming the observation.
/// </summary>
public class ExplorerEvidenceTests
{
    private const string Bundled = "evidence/2024-12-31.yaml";
    private const int Block = UpdateSettings.BlockSize;

    /// <summary>Deployment cannot be in combat at step 0: no trial of the baseline can produce this.</summary>
    private const string ImpossibleEvidence = """
        as_of: 2
        observations:
          - { source: "a report no trial agrees with", holds: "deployment == Combat", at: 0 }
        """;

    private string folder = "";
    private ExplorerServer server = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        folder = Directory.CreateTempSubdirectory("shadowwar-evidence-").FullName;
        File.WriteAllText(Path.Combine(folder, "impossible.yaml"), ImpossibleEvidence);
        server = await ExplorerServer.StartAsync(new ExplorerOptions
        {
            Scenarios = new ScenarioFolder(Paths.Scenarios),
            DefaultScenario = "baseline.yaml",
            Evidence = [new GivenEvidence("impossible.yaml", Path.Combine(folder, "impossible.yaml"))],
            Port = 0,
            DefaultTrials = 1024,
            MaxTrialsPerRequest = 4 * Block,
            MaxTotalTrials = 4 * Block,
        });
        client = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromMinutes(3) };
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        client.Dispose();
        await server.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public async Task The_scenario_list_offers_the_evidence_given_and_that_of_the_folder_and_the_most_particles()
    {
        var list = await client.GetFromJsonAsync<JsonElement>("/api/scenarios");
        Assert.Multiple(() =>
        {
            Assert.That(list.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "impossible.yaml", Bundled }));
            Assert.That(list.GetProperty("scenarios").EnumerateArray().Select(e => e.GetString()), Does.Not.Contain(Bundled), "evidence is not a scenario");
            Assert.That(list.GetProperty("defaultEvidence").GetString(), Is.EqualTo("impossible.yaml"));
            Assert.That(list.GetProperty("evidenceBlockSize").GetInt32(), Is.EqualTo(Block));
            Assert.That(list.GetProperty("maxParticles").GetInt64(), Is.EqualTo(2 * Block), "the particles and as many prior trials fit in one request");
        });
    }

    /// <summary>The server runs on every core; the update here on one thread: the numbers do not depend on it.</summary>
    [Test]
    public async Task An_update_through_the_api_equals_the_update_runner_with_the_same_settings_and_seed()
    {
        var answer = await Run(new { scenario = "baseline.yaml", evidence = Bundled, set = new { sk_shift = 0.009 }, seed = 7, trials = 3000 });
        var expected = Expected(["sk_shift=0.009"], seed: 7, particles: Block);
        var json = Json(RunJson.From(expected, 0, TimeSpan.Zero, []));
        var evidence = answer.GetProperty("evidence");
        Assert.Multiple(() =>
        {
            Assert.That(answer.GetProperty("trials").GetInt64(), Is.EqualTo(Block), "rounded up to whole blocks of particles");
            Assert.That(answer.GetProperty("simulatedTrials").GetInt64(), Is.EqualTo(2 * Block), "the particles and as many trials of the prior");
            Assert.That(answer.GetProperty("outcomes").GetRawText(), Is.EqualTo(json.GetProperty("outcomes").GetRawText()), "the posterior");
            Assert.That(answer.GetProperty("prior").GetRawText(), Is.EqualTo(json.GetProperty("prior").GetRawText()), "the prior");
            Assert.That(evidence.GetProperty("ess").GetDouble(), Is.EqualTo(expected.Evidence.Ess));
            Assert.That(evidence.GetProperty("distinctOrigins").GetInt64(), Is.EqualTo(expected.Evidence.DistinctOrigins));
            Assert.That(evidence.GetProperty("logMarginalLikelihood").GetDouble(), Is.EqualTo(expected.Evidence.LogMarginalLikelihood));
            Assert.That(evidence.GetProperty("file").GetString(), Is.EqualTo(Bundled));
            Assert.That(evidence.GetProperty("changes").GetArrayLength(), Is.EqualTo(answer.GetProperty("outcomes").GetArrayLength()));
        });
    }

    [Test]
    public async Task The_same_update_again_is_answered_from_memory_with_the_same_numbers()
    {
        var request = new { scenario = "baseline.yaml", evidence = Bundled, set = new { sk_shift = 0.0061 }, seed = 3, trials = Block };
        var first = await Run(request);
        var again = await Run(request);
        Assert.Multiple(() =>
        {
            Assert.That(again.GetProperty("simulatedTrials").GetInt64(), Is.EqualTo(0));
            Assert.That(again.GetProperty("outcomes").GetRawText(), Is.EqualTo(first.GetProperty("outcomes").GetRawText()));
            Assert.That(again.GetProperty("prior").GetRawText(), Is.EqualTo(first.GetProperty("prior").GetRawText()));
        });
    }

    [Test]
    public async Task Run_more_on_evidence_gives_the_numbers_of_one_larger_update()
    {
        var settings = new { scenario = "baseline.yaml", variant = "tech_transfer", evidence = Bundled, seed = 5 };
        var first = await Run(new { settings.scenario, settings.variant, settings.evidence, settings.seed, trials = Block });
        var more = await Run(new { settings.scenario, settings.variant, settings.evidence, settings.seed, trials = Block, from = Block });
        var expected = Json(RunJson.From(Expected([], seed: 5, particles: 2 * Block, variant: "tech_transfer"), 0, TimeSpan.Zero, []));
        Assert.Multiple(() =>
        {
            Assert.That(more.GetProperty("trials").GetInt64(), Is.EqualTo(2 * Block));
            Assert.That(more.GetProperty("simulatedTrials").GetInt64(), Is.EqualTo(4 * Block), "all particles again, and the prior beside them");
            Assert.That(more.GetProperty("outcomes").GetRawText(), Is.EqualTo(expected.GetProperty("outcomes").GetRawText()));
            Assert.That(more.GetProperty("outcomes").GetRawText(), Is.Not.EqualTo(first.GetProperty("outcomes").GetRawText()));
        });
    }

    /// <summary>No trial measures 0 troops as about 10,000 (a lognormal error): the observation is named, and the page is told it is about the evidence.</summary>
    [Test]
    public async Task Evidence_made_impossible_by_a_value_is_400_naming_the_observation()
    {
        var (status, error) = await Post(new { scenario = "baseline.yaml", evidence = Bundled, set = new { troops0 = 0 }, trials = Block });
        var message = error.GetProperty("error").GetString();
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), error.ToString());
            Assert.That(message, Does.Match(@"^evidence: evidence/2024-12-31\.yaml:\d+:\d+: error: the evidence is impossible under the scenario"));
            Assert.That(message, Does.Contain("'troops' measured at step 0"));
            Assert.That(error.GetProperty("field").GetString(), Is.EqualTo("evidence"));
            Assert.That(message, Does.Not.Contain("NaN").And.Not.Contain("Exception").And.Not.Contain(folder));
        });
    }

    [Test]
    public async Task Evidence_impossible_under_the_scenario_itself_is_400_naming_the_observation_and_its_source()
    {
        var (status, error) = await Post(new { scenario = "baseline.yaml", evidence = "impossible.yaml", trials = Block });
        var diagnostics = error.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("message").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), error.ToString());
            Assert.That(diagnostics, Has.One.StartsWith("impossible.yaml:3:5: error: the evidence is impossible under the scenario"));
            Assert.That(error.GetProperty("error").GetString(), Does.Contain("source: a report no trial agrees with"));
            Assert.That(error.GetProperty("error").GetString(), Does.Not.Contain(folder), "the file is named as the page knows it");
        });
    }

    [Test]
    public async Task Evidence_that_does_not_fit_the_scenario_is_400_with_every_problem_at_its_line()
    {
        var (status, error) = await Post(new { scenario = "bench/ref4x6.yaml", evidence = Bundled, trials = Block });
        var diagnostics = error.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("message").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(error.GetProperty("error").GetString(), Does.StartWith($"evidence: '{Bundled}' does not fit the scenario 'bench/ref4x6.yaml': "));
            Assert.That(error.GetProperty("field").GetString(), Is.EqualTo("evidence"));
            Assert.That(diagnostics, Has.Count.GreaterThan(1).And.All.Match(@"^evidence/2024-12-31\.yaml:\d+:\d+: error: "));
        });
    }

    [TestCase("{\"scenario\":\"baseline.yaml\",\"evidence\":\"../baseline.yaml\"}", "evidence: there is no evidence file '../baseline.yaml'; the explorer offers 'impossible.yaml', 'evidence/2024-12-31.yaml'")]
    [TestCase("{\"scenario\":\"baseline.yaml\",\"evidence\":\"baseline.yaml\"}", "evidence: there is no evidence file 'baseline.yaml'")]
    [TestCase("{\"scenario\":\"baseline.yaml\",\"evidence\":\"/etc/passwd\"}", "evidence: there is no evidence file '/etc/passwd'")]
    [TestCase("{\"scenario\":\"baseline.yaml\",\"evidence\":\"\"}", "evidence: there is no evidence file ''")]
    [TestCase("{\"scenario\":\"baseline.yaml\",\"evidence\":12}", "not the JSON expected")]
    [TestCase("{\"scenario\":\"baseline.yaml\",\"evidence\":\"evidence/2024-12-31.yaml\",\"trials\":20000}", "trials must be between 1 and 16,384")]
    [TestCase("{\"scenario\":\"baseline.yaml\",\"evidence\":\"evidence/2024-12-31.yaml\",\"from\":1024}", "from must be a non-negative multiple of 4,096 (the particles shown so far)")]
    [TestCase("{\"scenario\":\"baseline.yaml\",\"evidence\":\"evidence/2024-12-31.yaml\",\"trials\":4096,\"from\":16384}", "at most 16,384 particles in all")]
    [TestCase("{\"scenario\":\"baseline.yaml\",\"evidence\":\"evidence/2024-12-31.yaml\",\"trials\":12288}",
        "conditioning on evidence runs 12,288 particles and as many trials of the prior beside them, 24,576 trials in all, more than the 16,384 one request may run; at most 8,192 particles")]
    public async Task A_bad_evidence_request_is_400_with_a_message_naming_the_field(string body, string message)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/run", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
            Assert.That(JsonDocument.Parse(text).RootElement.GetProperty("error").GetString(), Does.Contain(message));
            Assert.That(text, Does.Not.Contain(" at NorthKoreaShadowWar").And.Not.Contain("Exception"));
        });
    }

    [Test]
    public async Task The_largest_update_allowed_runs_its_particles_and_as_many_prior_trials_in_one_request()
    {
        var answer = await Run(new { scenario = "baseline.yaml", evidence = Bundled, seed = 77, trials = Block, from = Block });
        Assert.Multiple(() =>
        {
            Assert.That(answer.GetProperty("trials").GetInt64(), Is.EqualTo(2 * Block));
            Assert.That(answer.GetProperty("prior").GetProperty("trials").GetInt64(), Is.EqualTo(2 * Block));
            Assert.That(answer.GetProperty("simulatedTrials").GetInt64(), Is.EqualTo(4 * Block), "the limit of one request");
        });
    }

    [Test]
    public async Task An_explorer_whose_requests_are_too_small_for_an_update_says_how_to_start_it()
    {
        await using var small = await ExplorerServer.StartAsync(new ExplorerOptions
        {
            Scenarios = new ScenarioFolder(Paths.Scenarios), Port = 0, DefaultTrials = 1024, MaxTrialsPerRequest = Block, MaxTotalTrials = 8 * Block,
        });
        using var smallClient = new HttpClient { BaseAddress = small.Url };
        using var response = await smallClient.PostAsJsonAsync("/api/run", new { scenario = "baseline.yaml", evidence = Bundled });
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString();
        var list = await smallClient.GetFromJsonAsync<JsonElement>("/api/scenarios");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(error, Does.EndWith("start the explorer with --max-trials 8192 or more to condition on evidence"));
            Assert.That(list.GetProperty("maxParticles").GetInt64(), Is.EqualTo(0));
        });
    }

    /// <summary>What <c>shadowwar update</c> computes for the baseline on the bundled evidence, on one thread.</summary>
    private static UpdateResult Expected(IReadOnlyList<string> overrides, ulong seed, long particles, string? variant = null)
    {
        var prepared = ScenarioPipeline.Prepare(Path.Combine(Paths.Scenarios, "baseline.yaml"), variant, overrides);
        var diagnostics = new DiagnosticBag();
        var bytes = File.ReadAllBytes(Path.Combine(Paths.Scenarios, "evidence", "2024-12-31.yaml"));
        var evidence = EvidenceFileReader.Parse(bytes, Bundled, prepared.Model.Scenario, diagnostics)!;
        Assert.That(diagnostics.HasErrors, Is.False);
        return UpdateRunner.Run(prepared.Model, evidence, new UpdateSettings { Trials = particles, Seed = seed, Threads = 1 });
    }

    private static JsonElement Json(object answer) =>
        JsonSerializer.SerializeToElement(answer, new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private async Task<JsonElement> Run(object body)
    {
        var (status, answer) = await Post(body);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        return answer;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Post(object body)
    {
        using var response = await client.PostAsJsonAsync("/api/run", body);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
