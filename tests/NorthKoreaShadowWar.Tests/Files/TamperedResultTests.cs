using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsCheck;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Shards;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Tests.Shards;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Files;

/// <summary>
/// shard-state.json and summary.json are read back by merge, compare and score, and a user or a broken disk may have
/// changed them. What no run could have written is refused with <c>FILE: error: FIELD: problem</c> and exit 2; before,
/// a negative occupancy count merged into a share of -199999 and an estimate of 7.5 was compared as 750% and scored
/// with a Brier score of 42.
/// </summary>
public partial class TamperedResultTests
{
    private string folder = "";
    private string results = "";
    private string observed = "";
    private string[] shards = [];

    [OneTimeSetUp]
    public void RunOnce()
    {
        folder = Directory.CreateTempSubdirectory("shadowwar-tampered-").FullName;
        var scenario = ShardScenarios.Write(folder);
        results = Path.Combine(folder, "results");
        Assert.That(CommandLine.Run("run", scenario, "--trials", "3000", "--seed", "7", "--out", results).ExitCode, Is.Zero);
        shards = [.. new[] { 1, 2 }.Select(k => Path.Combine(folder, $"shard-{k}"))];
        for (var k = 1; k <= 2; k++)
            Assert.That(CommandLine.Run("run", scenario, "--trials", "3000", "--seed", "7", "--shard", $"{k}/2", "--out", shards[k - 1]).ExitCode, Is.Zero);
        observed = Path.Combine(folder, "observed.yaml");
        File.WriteAllText(observed, "outcomes: { on: true, final_a: On, first_on: 2, x_end: 150 }\n");
    }

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private int copies;

    /// <summary>A copy of <paramref name="source"/> with <paramref name="file"/> replaced by <paramref name="text"/>.</summary>
    private string Edited(string source, string file, string text)
    {
        var target = Path.Combine(folder, $"edited-{++copies}");
        Directory.CreateDirectory(target);
        foreach (var path in Directory.GetFiles(source)) File.Copy(path, Path.Combine(target, Path.GetFileName(path)));
        File.WriteAllText(Path.Combine(target, file), text);
        return target;
    }

    private string Output() => Path.Combine(folder, $"out-{++copies}");

    private static void ExpectFileError((int ExitCode, string Out, string Error) result, string file, string message)
    {
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
        Assert.That(result.Error, Does.Contain($"{file}: error: {message}"));
    }

    [Test]
    public void Merge_refuses_a_negative_occupancy_count_naming_the_file_and_the_field()
    {
        var text = File.ReadAllText(Path.Combine(shards[1], ShardState.FileName));
        var edited = Edited(shards[1], ShardState.FileName, Regex.Replace(text, @"""occupancy"":\[(\d+),", @"""occupancy"":[-999999999,"));
        ExpectFileError(CommandLine.Run("merge", shards[0], edited, "--out", Output()), Path.Combine(edited, ShardState.FileName), "occupancy[0]: -999999999 is negative");
    }

    [Test]
    public void Merge_refuses_a_count_changed_within_bounds_by_its_checksum()
    {
        var text = File.ReadAllText(Path.Combine(shards[1], ShardState.FileName));
        var count = long.Parse(Regex.Match(text, @"""occupancy"":\[(\d+),").Groups[1].Value, CultureInfo.InvariantCulture);
        var edited = Edited(shards[1], ShardState.FileName, text.Replace($"\"occupancy\":[{count},", $"\"occupancy\":[{count - 1},"));
        ExpectFileError(CommandLine.Run("merge", shards[0], edited, "--out", Output()), Path.Combine(edited, ShardState.FileName), "contentSha256: ");
    }

    [Test]
    public void A_shard_state_whose_occupancy_does_not_add_up_to_its_trials_is_refused()
    {
        var model = ScenarioPipeline.PrepareText(ShardScenarios.Spread, "spread.yaml").Model;
        var range = ShardRange.Of(3000, 1, 1)!.Value;
        var state = ShardState.Of(MonteCarloRunner.Run(model, new RunSettings { Trials = 3000, Seed = 1, Threads = 1 }), range, 3000);
        Assert.That(state.FitProblem(model), Is.Null);
        state.Occupancy[model.TotalStates]--;
        state.Occupancy[model.TotalStates + 1] += 2;
        Assert.That(state.FitProblem(model), Does.StartWith("occupancy[2..3]: after step 1 the states of machine 'a' hold 3001 trials between them, not the shard's 3000"));
    }

    [Test]
    public void A_shard_state_of_the_first_version_without_a_checksum_is_refused_clearly()
    {
        var text = File.ReadAllText(Path.Combine(shards[1], ShardState.FileName));
        var edited = Edited(shards[1], ShardState.FileName, Regex.Replace(text.Replace("\"version\":2", "\"version\":1"), @",""contentSha256"":""[0-9a-f]+""", ""));
        ExpectFileError(CommandLine.Run("merge", shards[0], edited, "--out", Output()), Path.Combine(edited, ShardState.FileName),
            "shard state format version 1; this engine reads version 2, whose files carry a checksum of their content");
    }

    [Test]
    public void Compare_and_score_refuse_an_impossible_estimate_naming_the_file_and_the_field()
    {
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(results, SummaryJsonReader.FileName)))!;
        summary["outcomes"]!["on"]!["estimate"] = 7.5;
        summary["outcomes"]!["on"]!["ci95"] = new JsonArray(-3, 12);
        var edited = Edited(results, SummaryJsonReader.FileName, summary.ToJsonString());
        var file = Path.Combine(edited, SummaryJsonReader.FileName);
        ExpectFileError(CommandLine.Run("compare", results, edited, "--out", Output()), file, "outcomes.on.estimate: 7.5 is not a probability: it must be between 0 and 1");
        ExpectFileError(CommandLine.Run("score", edited, "--observed", observed, "--out", Output()), file, "outcomes.on.estimate: 7.5 is not a probability");
        summary["outcomes"]!["on"]!["estimate"] = 0.5;
        summary["outcomes"]!["on"]!["trials"] = -5;
        edited = Edited(results, SummaryJsonReader.FileName, summary.ToJsonString());
        ExpectFileError(CommandLine.Run("compare", results, edited, "--out", Output()), Path.Combine(edited, SummaryJsonReader.FileName), "outcomes.on.trials: -5 is negative");
    }

    [TestCase("outcomes.on.ci95", "[0.9, 0.95]", "does not contain the estimate")]
    [TestCase("outcomes.final_a.probabilities.On", "+0.001", "outcomes.final_a.probabilities: they add up to 1.001")]
    [TestCase("occupancy.a.On", "[-0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]", "occupancy.a.On[0]: -0.5 is not a probability")]
    [TestCase("outcomes.x_end.quantiles.p50", "1e300", "is outside [min, max]")]
    [TestCase("outcomes.on.estimate", "null", "outcomes.on.estimate: missing (null)")]
    public void A_summary_with_impossible_numbers_is_refused_naming_the_field(string field, string json, string message)
    {
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(results, SummaryJsonReader.FileName)))!;
        var parts = field.Split('.');
        var owner = parts[..^1].Aggregate(summary, (node, key) => node[key]!);
        // "+d" adds d to the number that is there.
        owner[parts[^1]] = json.StartsWith('+') ? owner[parts[^1]]!.GetValue<double>() + double.Parse(json, CultureInfo.InvariantCulture) : JsonNode.Parse(json);
        var e = Assert.Throws<SummaryJsonException>(() => SummaryJsonReader.Read(System.Text.Encoding.UTF8.GetBytes(summary.ToJsonString()), "x/summary.json"))!;
        Assert.That(e.Message, Does.StartWith("x/summary.json: error: ").And.Contain(message));
    }

    private static readonly Gen<(int Kind, int Where, double Number)> Edit = Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Double);

    /// <summary>Changes a number, negates it, makes it the string "NaN", drops a field, or cuts the file short.</summary>
    private static string Tampered(string text, (int Kind, int Where, double Number) edit)
    {
        var numbers = NumberToken().Matches(text);
        var number = numbers[edit.Where % numbers.Count];
        string Replace(string by) => text[..number.Index] + by + text[(number.Index + number.Length)..];
        switch (edit.Kind)
        {
            case 0: return Replace(double.IsFinite(edit.Number) ? edit.Number.ToString("R", CultureInfo.InvariantCulture) : "1e308");
            case 1: return Replace(number.Value.StartsWith('-') ? number.Value[1..] : "-" + number.Value);
            case 2: return Replace("\"NaN\"");
            case 3:
                var root = JsonNode.Parse(text)!;
                var owners = Objects(root).SelectMany(o => o.Select(p => (Owner: o, p.Key))).ToList();
                var (owner, key) = owners[edit.Where % owners.Count];
                owner.Remove(key);
                return root.ToJsonString();
            default: return text[..(edit.Where % text.Length)];
        }
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).SelectMany(Objects).Prepend(o),
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };

    /// <summary>Exit 2 naming the file, or exit 0 with possible results; never exit 1, a stack trace or an impossible number.</summary>
    private static void ExpectRefusedOrValid((int ExitCode, string Out, string Error) result, string file, string? output, string? alsoNamed = null)
    {
        Assert.That(result.Error, Does.Not.Contain("   at ").And.Not.Contain("Exception"), result.Error);
        Assert.That(result.ExitCode, Is.EqualTo(0).Or.EqualTo(2), result.Error);
        if (result.ExitCode == 2)
        {
            // An outcome dropped from the summary is one the observed file then names in vain.
            Assert.That(result.Error, Does.Contain("error: ").And.Contain($"{file}:").Or.Contain($"{alsoNamed ?? file}:"), result.Error);
            return;
        }
        if (output is not null && File.Exists(Path.Combine(output, SummaryJsonReader.FileName)))
            Assert.That(() => SummaryJsonReader.ReadFolder(output), Throws.Nothing, "the merged results are possible");
        if (output is not null && File.Exists(Path.Combine(output, "scores.csv")))
            foreach (var brier in File.ReadAllLines(Path.Combine(output, "scores.csv")).Skip(1).Select(l => l.Split(',')[5]).Where(b => b.Length > 0))
                Assert.That(double.Parse(brier, CultureInfo.InvariantCulture), Is.InRange(0.0, 1.0), "a Brier score");
    }

    [Test]
    public void Merge_of_a_tampered_shard_state_is_refused_naming_the_file_or_is_unchanged()
    {
        var text = File.ReadAllText(Path.Combine(shards[1], ShardState.FileName));
        Edit.Sample(edit =>
        {
            var edited = Edited(shards[1], ShardState.FileName, Tampered(text, edit));
            var output = Output();
            ExpectRefusedOrValid(CommandLine.Run("merge", shards[0], edited, "--out", output), Path.Combine(edited, ShardState.FileName), output);
        }, iter: 60, threads: 1, print: edit => edit.ToString());
    }

    [Test]
    public void Compare_and_score_of_a_tampered_summary_are_refused_naming_the_file_or_give_possible_results()
    {
        var text = File.ReadAllText(Path.Combine(results, SummaryJsonReader.FileName));
        Edit.Sample(edit =>
        {
            var edited = Edited(results, SummaryJsonReader.FileName, Tampered(text, edit));
            var file = Path.Combine(edited, SummaryJsonReader.FileName);
            ExpectRefusedOrValid(CommandLine.Run("score", edited, "--observed", observed, "--out", Output()), file, null, observed);
            var output = Output();
            ExpectRefusedOrValid(CommandLine.Run("compare", results, edited, "--out", output), file, null);
            if (Directory.Exists(output))
                Assert.That(File.ReadAllText(Path.Combine(output, "comparison.csv")), Does.Not.Contain("NaN").And.Not.Contain("Infinity"), "no impossible difference");
        }, iter: 40, threads: 1, print: edit => edit.ToString());
    }

    [GeneratedRegex(@"-?\d+(\.\d+)?([eE][-+]?\d+)?")]
    private static partial Regex NumberToken();
}
