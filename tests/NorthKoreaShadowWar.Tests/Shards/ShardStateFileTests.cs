using NorthKoreaShadowWar.Shards;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Statistics;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Shards;

/// <summary>The shard state file gives back exactly what was saved, and refuses what it cannot read.</summary>
public class ShardStateFileTests
{
    private static readonly Compilation.CompiledModel Model = ScenarioPipeline.PrepareText(ShardScenarios.Spread, "spread.yaml").Model;

    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("shadowwar-shard-state-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private static (SimulationResult Simulation, ShardState State) Shard(long totalTrials, int index, int count)
    {
        var range = ShardRange.Of(totalTrials, index, count)!.Value;
        var simulation = MonteCarloRunner.Run(Model, new RunSettings { FirstTrial = range.FirstTrial, Trials = range.Trials, Seed = 3, Threads = 2 });
        return (simulation, ShardState.Of(simulation, range, totalTrials));
    }

    private ShardState RoundTrip(ShardState state, string name = "state.json")
    {
        var path = Path.Combine(folder, name);
        ShardStateFile.Write(state, path);
        return ShardStateFile.Read(path);
    }

    [TestCase(3000, 1, 1, true)]
    [TestCase(20_000, 2, 3, false)]
    public void A_state_read_back_gives_the_same_results_bit_for_bit(long totalTrials, int index, int count, bool sketchExact)
    {
        var (simulation, state) = Shard(totalTrials, index, count);
        var read = RoundTrip(state);
        var restored = read.ToSimulation(Model);
        Assert.Multiple(() =>
        {
            Assert.That(simulation.ValueSketches[0].IsExact, Is.EqualTo(sketchExact));
            Assert.That(ComparableSummary.Of(restored), Is.EqualTo(ComparableSummary.Of(simulation)));
            Assert.That(Bits(restored.BlockMoments), Is.EqualTo(Bits(simulation.BlockMoments)));
            Assert.That(restored.ValueSketches[0].Points(), Is.EqualTo(simulation.ValueSketches[0].Points()));
            Assert.That(restored.Occupancy, Is.EqualTo(simulation.Occupancy));
            Assert.That(restored.FirstStep, Is.EqualTo(simulation.FirstStep));
            Assert.That(restored.StepsIn, Is.EqualTo(simulation.StepsIn));
            Assert.That((read.Range, read.Seed, read.TotalTrials, read.ScenarioSha256, read.ScenarioFile, read.Variant, read.Overrides),
                Is.EqualTo((state.Range, state.Seed, state.TotalTrials, state.ScenarioSha256, state.ScenarioFile, state.Variant, state.Overrides)));
        });
        RoundTrip(read, "again.json");
        Assert.That(File.ReadAllBytes(Path.Combine(folder, "again.json")), Is.EqualTo(File.ReadAllBytes(Path.Combine(folder, "state.json"))),
            "writing what was read gives the same file");
    }

    [Test]
    public void A_sketch_restored_from_its_contents_holds_the_same_values_including_zero_and_negatives()
    {
        var sketch = new QuantileSketch();
        foreach (var value in new[] { 0.0, -0.0, -3.5, 2.25, 2.25, 1e-300, -1e300 }) sketch.Add(value);
        var restored = QuantileSketch.FromContents(sketch.Contents);
        Assert.That((restored.Count, restored.IsExact, restored.Points()), Is.EqualTo((sketch.Count, sketch.IsExact, sketch.Points())));
    }

    [Test]
    public void A_file_of_another_format_or_version_or_a_damaged_one_is_refused()
    {
        var path = Path.Combine(folder, "state.json");
        ShardStateFile.Write(Shard(3000, 1, 1).State, path);
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace($"\"version\":{ShardStateFile.Version}", "\"version\":99"));
        Assert.That(() => ShardStateFile.Read(path), Throws.InstanceOf<InvalidDataException>().With.Message.Contains("version 99"));
        File.WriteAllText(path, text[..(text.Length / 2)]);
        Assert.That(() => ShardStateFile.Read(path), Throws.InstanceOf<InvalidDataException>().With.Message.Contains("damaged"));
        File.WriteAllText(path, "{\"scenario\": \"x\"}");
        Assert.That(() => ShardStateFile.Read(path), Throws.InstanceOf<InvalidDataException>().With.Message.Contains("not a shard state"));
    }

    [Test]
    public void A_state_that_does_not_fit_the_scenario_is_refused()
    {
        var state = RoundTrip(Shard(3000, 1, 1).State);
        var other = ScenarioPipeline.PrepareText(ShardScenarios.Spread.Replace("horizon: 6", "horizon: 7"), "spread.yaml").Model;
        Assert.That(() => state.ToSimulation(other), Throws.InstanceOf<InvalidDataException>().With.Message.Contains("horizon"));
    }

    private static long[][] Bits(RunningMoments[][] moments) =>
        [.. moments.Select(blocks => blocks.SelectMany(m => new[]
        {
            m.Count, BitConverter.DoubleToInt64Bits(m.Mean), BitConverter.DoubleToInt64Bits(m.SumOfSquares),
            BitConverter.DoubleToInt64Bits(m.Minimum), BitConverter.DoubleToInt64Bits(m.Maximum),
        }).ToArray())];
}
