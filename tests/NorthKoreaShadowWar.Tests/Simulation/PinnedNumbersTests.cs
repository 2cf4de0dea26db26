using System.Globalization;
using System.Text;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Scenarios.Loading;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Tests.Support;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Tests.Simulation;

/// <summary>
/// Same seed, same numbers, bit for bit, from one version of the engine to the next: every bundled scenario and every
/// variant, run with a fixed seed, must give exactly the numbers pinned in golden/pinned-numbers.txt (a SHA-256 of
/// the trial loop's raw totals and one of the results as a user reads them, doubles as their bit patterns); so must
/// the baseline, and the baseline revised with the record to the end of 2024, updated on each bundled evidence file
/// (scenarios/evidence/, written for the baseline) by both methods, which step trials through the general loop a few
/// steps at a time. A change to the trial loop that is meant
/// to be faster, not different, must leave every line as it is.
/// <para>
/// When the numbers are meant to change (a change of semantics, a new bundled scenario or variant, another draw
/// order), write the file anew and commit it with the change that explains why:
/// <c>SHADOWWAR_WRITE_PINNED_NUMBERS=1 dotnet test tests/NorthKoreaShadowWar.Tests -c Release --no-build --filter "FullyQualifiedName~PinnedNumbersTests"</c>.
/// </para>
/// </summary>
public class PinnedNumbersTests
{
    /// <summary>Odd, so that the last trial of a run goes alone; more than two blocks, so that threads share them out.</summary>
    private const long Trials = 4 * RunSettings.BlockSize + 513;

    private const ulong Seed = 20241031;

    private const string WriteVariable = "SHADOWWAR_WRITE_PINNED_NUMBERS";

    private static string GoldenFile => Path.Combine(Paths.Repository, "tests", "NorthKoreaShadowWar.Tests", "Simulation", "golden", "pinned-numbers.txt");

    /// <summary>Each bundled file (relative to scenarios/, with '/') with each of its variants; "-" is the scenario as written.</summary>
    private static IEnumerable<(string File, string Variant)> Runs()
    {
        foreach (var file in ScenarioFiles.Below(Paths.Scenarios).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(Paths.Scenarios, file).Replace(Path.DirectorySeparatorChar, '/');
            yield return (name, "-");
            var scenario = ScenarioLoader.Load(file, new NorthKoreaShadowWar.Diagnostics.DiagnosticBag())
                ?? throw new InvalidOperationException($"{name} does not load");
            foreach (var variant in scenario.Variants) yield return (name, variant.Name);
        }
    }

    /// <summary>One line of the golden file: the run's name, then the SHA-256 of its tallies and of its results.</summary>
    private static string Line(string file, string variant, int threads, bool? generatedCode = null)
    {
        var prepared = ScenarioPipeline.Prepare(Path.Combine(Paths.Scenarios, file), variant == "-" ? null : variant);
        var simulation = MonteCarloRunner.Run(prepared.Model, new RunSettings { Trials = Trials, Seed = Seed, Threads = threads, GeneratedCode = generatedCode });
        var results = ResultsBuilder.Build(simulation);
        return $"{file} {variant} tallies={ExactNumbers.Sha256(ExactNumbers.Tallies(simulation))} results={ExactNumbers.Sha256(ExactNumbers.Results(results))}";
    }

    /// <summary>Particles of each update: two blocks, so that both threads have one.</summary>
    private const long UpdateTrials = 2 * UpdateSettings.BlockSize;

    /// <summary>The scenarios updated on the bundled evidence; the first one's lines name no scenario.</summary>
    private static readonly string[] UpdatedScenarios = ["baseline.yaml", "baseline-2024-12.yaml"];

    /// <summary>Each updated scenario with each bundled evidence file (relative to scenarios/) and each update method.</summary>
    private static IEnumerable<(string Scenario, string File, UpdateMethod Method)> Updates() =>
        from scenario in UpdatedScenarios
        from file in Directory.EnumerateFiles(Path.Combine(Paths.Scenarios, "evidence"), "*.yaml").Order(StringComparer.Ordinal)
        from method in Enum.GetValues<UpdateMethod>()
        select (scenario, Path.GetRelativePath(Paths.Scenarios, file).Replace(Path.DirectorySeparatorChar, '/'), method);

    /// <summary>
    /// The line of <paramref name="scenario"/> updated on <paramref name="file"/>: the SHA-256 of its prior, posterior and
    /// evidence summary. Its second word is the method, then <c>@</c> and the scenario unless it is the first of
    /// <see cref="UpdatedScenarios"/>.
    /// </summary>
    private static string UpdateLine(string scenario, string file, UpdateMethod method)
    {
        var prepared = ScenarioPipeline.Prepare(Path.Combine(Paths.Scenarios, scenario), null);
        var diagnostics = new NorthKoreaShadowWar.Diagnostics.DiagnosticBag();
        var evidence = EvidenceFileReader.Read(Path.Combine(Paths.Scenarios, file), prepared.Model.Scenario, diagnostics)
            ?? throw new InvalidOperationException($"{file}: {string.Join("; ", diagnostics.Items)}");
        var update = UpdateRunner.Run(prepared.Model, evidence, new UpdateSettings { Trials = UpdateTrials, Seed = Seed, Threads = 2, Method = method });
        var numbers = ExactNumbers.Results(update.Prior) + ExactNumbers.Results(update.Posterior) + ExactNumbers.Of(update.Evidence with { Seconds = 0, File = "" });
        var which = scenario == UpdatedScenarios[0] ? "" : "@" + scenario;
        return $"{file} update-{method.ToString().ToLowerInvariant()}{which} results={ExactNumbers.Sha256(numbers)}";
    }

    private static Dictionary<string, string> Pinned() =>
        File.ReadLines(GoldenFile).Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToDictionary(line => string.Join(' ', line.Split(' ')[..2]), line => line);

    [Test]
    public void Every_bundled_scenario_variant_and_update_gives_its_pinned_numbers_on_two_threads()
    {
        var lines = Runs().Select(run => Line(run.File, run.Variant, threads: 2))
            .Concat(Updates().Select(update => UpdateLine(update.Scenario, update.File, update.Method))).ToList();
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            var header = new StringBuilder()
                .AppendLine("# The numbers of every bundled scenario and variant, pinned: see PinnedNumbersTests.")
                .AppendLine(CultureInfo.InvariantCulture, $"# {Trials} trials, seed {Seed}. Per run: file variant tallies=SHA-256 results=SHA-256.")
                .AppendLine(CultureInfo.InvariantCulture, $"# Updates of baseline.yaml: {UpdateTrials} particles, seed {Seed}. Per update: evidence-file method results=SHA-256.")
                .AppendLine(CultureInfo.InvariantCulture, $"# Updates of {string.Join(" and ", UpdatedScenarios.Skip(1))}: the same, with @ and the scenario after the method.");
            File.WriteAllText(GoldenFile, header + string.Join('\n', lines) + "\n");
            Assert.Pass($"wrote {lines.Count} runs to {GoldenFile}");
        }
        var pinned = Pinned();
        var changed = new List<string>();
        foreach (var line in lines)
        {
            var key = string.Join(' ', line.Split(' ')[..2]);
            if (!pinned.TryGetValue(key, out var expected)) changed.Add($"{key}: not pinned (new scenario or variant?)");
            else if (expected != line) changed.Add($"{key}: {Which(expected, line)} changed");
        }
        foreach (var gone in pinned.Keys.Except(lines.Select(line => string.Join(' ', line.Split(' ')[..2]))))
            changed.Add($"{gone}: pinned but no longer bundled");
        Assert.That(changed, Is.Empty,
            $"numbers differ from {GoldenFile}; if the change is meant, write it anew with {WriteVariable}=1 (see PinnedNumbersTests)");
    }

    [Test]
    public void One_thread_gives_the_pinned_numbers_of_two_threads()
    {
        var pinned = Pinned();
        var differing = Runs().Where(run => run.Variant == "-")
            .Select(run => (Key: $"{run.File} {run.Variant}", Line: Line(run.File, run.Variant, threads: 1)))
            .Where(run => !pinned.TryGetValue(run.Key, out var expected) || expected != run.Line)
            .Select(run => run.Key)
            .ToList();
        Assert.That(differing, Is.Empty, $"on one thread these differ from the numbers pinned on two in {GoldenFile}");
    }

    [Test]
    public void The_interpreted_and_the_generated_per_step_code_both_give_the_pinned_numbers()
    {
        var pinned = Pinned();
        var differing = (from run in Runs()
                         from generated in new[] { false, true }
                         let key = $"{run.File} {run.Variant}"
                         where !pinned.TryGetValue(key, out var expected) || expected != Line(run.File, run.Variant, threads: 2, generated)
                         select $"{key} ({(generated ? "generated" : "interpreted")})").ToList();
        Assert.That(differing, Is.Empty, $"these differ from the numbers pinned in {GoldenFile}");
    }

    private static string Which(string expected, string actual)
    {
        var parts = expected.Split(' ').Zip(actual.Split(' ')).Where(pair => pair.First != pair.Second).Select(pair => pair.First.Split('=')[0]);
        return string.Join(" and ", parts);
    }
}
