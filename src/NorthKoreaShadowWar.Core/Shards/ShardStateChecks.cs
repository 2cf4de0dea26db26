using System.Globalization;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Shards;

/// <summary>
/// Checks that a <see cref="ShardState"/> read back from <c>shard-state.json</c> could have been written by a shard's
/// run, before anything is merged: the run's identity is there, the shard is the one its number gives it, counts are
/// not negative and each histogram, block and sketch counts exactly the shard's trials, numbers are finite. What needs
/// the scenario (the occupancy of each machine adding up to the trials) is checked by <see cref="ShardState.FitProblem"/>.
/// </summary>
internal static class ShardStateChecks
{
    /// <summary>Rounding allowed on a block's mean against its minimum and maximum.</summary>
    private const double Slack = 1e-9;

    /// <summary>The first field of <paramref name="state"/> that no shard could have written, and what is wrong with it; null when there is none.</summary>
    public static (string Field, string Problem)? Problem(ShardState state) =>
        Problems(state).Select(p => ((string, string)?)p).FirstOrDefault();

    private static IEnumerable<(string Field, string Problem)> Problems(ShardState state)
    {
        foreach (var (field, text) in new[] { ("scenario", state.Scenario), ("scenarioFile", state.ScenarioFile), ("scenarioSha256", state.ScenarioSha256), ("engineVersion", state.EngineVersion) })
            if (string.IsNullOrEmpty(text)) yield return (field, "missing: it must be a text");
        if (state.Overrides.Any(o => o is null)) yield return ("overrides", "must be a list of texts");
        var range = state.Range;
        var trials = range.Trials;
        if (state.TotalTrials < 1) yield return ("totalTrials", string.Create(CultureInfo.InvariantCulture, $"{state.TotalTrials}: a run has at least 1 trial"));
        if (trials < 1) yield return ("trials", string.Create(CultureInfo.InvariantCulture, $"{trials}: a shard has at least 1 trial"));
        if (range.Count < 1 || range.Index < 1 || range.Index > range.Count) yield return ("index", string.Create(CultureInfo.InvariantCulture, $"shard {range.Index}/{range.Count}: shards are numbered 1 to {range.Count}"));
        if (ShardRange.Of(state.TotalTrials, range.Index, range.Count) is not { } expected)
            yield return ("count", string.Create(CultureInfo.InvariantCulture, $"{range.Count} shards of {state.TotalTrials:N0} trials cannot be run"));
        else if (expected != range)
            yield return ("trials", string.Create(CultureInfo.InvariantCulture, $"shard {range.Index}/{range.Count} of {state.TotalTrials:N0} trials holds the {expected.Trials:N0} trials from trial {expected.FirstTrial:N0}, not {trials:N0} from {range.FirstTrial:N0}"));
        if (state.Horizon < 1) yield return ("horizon", string.Create(CultureInfo.InvariantCulture, $"{state.Horizon} steps: the horizon is at least 1"));
        if (state.Threads < 1) yield return ("threads", string.Create(CultureInfo.InvariantCulture, $"{state.Threads}: a run has at least 1 thread"));
        if (state.MachineSteps < 0) yield return ("machineSteps", string.Create(CultureInfo.InvariantCulture, $"{state.MachineSteps} is negative"));
        if (!(state.SimulateSeconds >= 0) || double.IsInfinity(state.SimulateSeconds)) yield return ("simulateSeconds", string.Create(CultureInfo.InvariantCulture, $"{state.SimulateSeconds} is not a time in seconds"));
        var steps = state.Horizon + 1;
        if (state.Occupancy.Length == 0 || state.Occupancy.Length % steps != 0)
            yield return ("occupancy", string.Create(CultureInfo.InvariantCulture, $"{state.Occupancy.Length} cells cannot be the same number of states at each of the {steps} steps"));
        foreach (var problem in Counts("occupancy", state.Occupancy, trials)) yield return problem;
        foreach (var problem in Histograms("firstStep", state.FirstStep, state.Horizon + 2, trials)) yield return problem;
        foreach (var problem in Histograms("stepsIn", state.StepsIn, state.Horizon + 1, trials)) yield return problem;
        for (var v = 0; v < state.BlockMoments.Length; v++)
        {
            foreach (var problem in Blocks(string.Create(CultureInfo.InvariantCulture, $"values[{v}].blockMoments"), state.BlockMoments[v], trials)) yield return problem;
            foreach (var problem in Sketch(string.Create(CultureInfo.InvariantCulture, $"values[{v}].sketch"), state.Sketches[v], trials)) yield return problem;
        }
    }

    /// <summary>Each count between 0 and the shard's trials.</summary>
    private static IEnumerable<(string, string)> Counts(string at, IReadOnlyList<long> counts, long trials)
    {
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] < 0) yield return (string.Create(CultureInfo.InvariantCulture, $"{at}[{i}]"), string.Create(CultureInfo.InvariantCulture, $"{counts[i]} is negative"));
            else if (counts[i] > trials) yield return (string.Create(CultureInfo.InvariantCulture, $"{at}[{i}]"), string.Create(CultureInfo.InvariantCulture, $"{counts[i]} is more than the shard's {trials} trials"));
        }
    }

    /// <summary>Histograms of <paramref name="cells"/> cells in which every trial is counted once.</summary>
    private static IEnumerable<(string, string)> Histograms(string at, long[][] histograms, int cells, long trials)
    {
        for (var h = 0; h < histograms.Length; h++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"{at}[{h}]");
            if (histograms[h].Length != cells) yield return (field, string.Create(CultureInfo.InvariantCulture, $"{histograms[h].Length} cells, not {cells}"));
            foreach (var problem in Counts(field, histograms[h], trials)) yield return problem;
            if (Sum(histograms[h]) is var sum && sum != trials) yield return (field, string.Create(CultureInfo.InvariantCulture, $"counts {sum} trials, not the shard's {trials}"));
        }
    }

    /// <summary>One record of moments per block of <see cref="RunSettings.BlockSize"/> trials, each of the block's trials.</summary>
    private static IEnumerable<(string, string)> Blocks(string at, RunningMoments[] blocks, long trials)
    {
        var expected = RunAccumulator.BlockCount(trials);
        if (blocks.Length != expected) yield return (at, string.Create(CultureInfo.InvariantCulture, $"{blocks.Length} blocks, not the {expected} blocks of {trials} trials"));
        for (var b = 0; b < blocks.Length; b++)
        {
            var block = blocks[b];
            var field = string.Create(CultureInfo.InvariantCulture, $"{at}[{b}]");
            var size = Math.Min(RunSettings.BlockSize, trials - (long)b * RunSettings.BlockSize);
            if (block.Count != size) yield return ($"{field}[0]", string.Create(CultureInfo.InvariantCulture, $"{block.Count} values, not the block's {size} trials"));
            if (!double.IsFinite(block.Mean) || !double.IsFinite(block.SumOfSquares) || !double.IsFinite(block.Minimum) || !double.IsFinite(block.Maximum))
                yield return (field, "every number of a block must be finite");
            else if (block.SumOfSquares < 0) yield return ($"{field}[2]", string.Create(CultureInfo.InvariantCulture, $"{block.SumOfSquares} is negative"));
            else if (block.Minimum > block.Maximum) yield return ($"{field}[3]", string.Create(CultureInfo.InvariantCulture, $"the minimum {block.Minimum} is above the maximum {block.Maximum}"));
            else if (Outside(block.Mean, block.Minimum, block.Maximum)) yield return ($"{field}[1]", string.Create(CultureInfo.InvariantCulture, $"the mean {block.Mean} is outside [{block.Minimum}, {block.Maximum}]"));
        }
    }

    /// <summary>A quantile sketch of one value per trial (see <see cref="QuantileSketch"/>).</summary>
    private static IEnumerable<(string, string)> Sketch(string at, QuantileSketchContents sketch, long trials)
    {
        if (sketch.Count != trials) yield return ($"{at}.count", string.Create(CultureInfo.InvariantCulture, $"{sketch.Count}, not the shard's {trials} trials"));
        if (sketch.Zeros < 0 || sketch.Zeros > trials) yield return ($"{at}.zeros", string.Create(CultureInfo.InvariantCulture, $"{sketch.Zeros} is not a count of at most {trials} trials"));
        foreach (var problem in Counts($"{at}.exact", [.. sketch.Exact.Select(e => e.Count)], trials)) yield return problem;
        foreach (var problem in Counts($"{at}.positive", [.. sketch.Positive.Select(e => e.Count)], trials)) yield return problem;
        foreach (var problem in Counts($"{at}.negative", [.. sketch.Negative.Select(e => e.Count)], trials)) yield return problem;
        for (var i = 0; i < sketch.Exact.Count; i++)
            if (!double.IsFinite(sketch.Exact[i].Value) || (i > 0 && !(sketch.Exact[i].Value > sketch.Exact[i - 1].Value)))
                yield return (string.Create(CultureInfo.InvariantCulture, $"{at}.exact[{i}]"), string.Create(CultureInfo.InvariantCulture, $"{sketch.Exact[i].Value}: the values must be finite and in increasing order"));
        if (Increasing(sketch.Positive) is { } positive) yield return (string.Create(CultureInfo.InvariantCulture, $"{at}.positive[{positive}]"), "the buckets must be in increasing order");
        if (Increasing(sketch.Negative) is { } negative) yield return (string.Create(CultureInfo.InvariantCulture, $"{at}.negative[{negative}]"), "the buckets must be in increasing order");
        if (sketch.Overflowed && sketch.Exact.Count > 0) yield return ($"{at}.exact", "must be empty when the sketch has overflowed");
        if (!sketch.Overflowed && sketch.Exact.Count > QuantileSketch.ExactLimit)
            yield return ($"{at}.exact", string.Create(CultureInfo.InvariantCulture, $"{sketch.Exact.Count} values, more than the {QuantileSketch.ExactLimit} a sketch counts exactly"));
        if (!sketch.Overflowed && Sum([.. sketch.Exact.Select(e => e.Count)]) is var exact && exact != trials)
            yield return ($"{at}.exact", string.Create(CultureInfo.InvariantCulture, $"counts {exact} values, not the shard's {trials}"));
        var buckets = sketch.Zeros + Sum([.. sketch.Positive.Select(e => e.Count)]) + Sum([.. sketch.Negative.Select(e => e.Count)]);
        if (buckets != trials) yield return (at, string.Create(CultureInfo.InvariantCulture, $"zeros and buckets count {buckets} values, not the shard's {trials}"));
    }

    private static int? Increasing(IReadOnlyList<(int Bucket, long Count)> buckets)
    {
        for (var i = 1; i < buckets.Count; i++)
            if (buckets[i].Bucket <= buckets[i - 1].Bucket) return i;
        return null;
    }

    /// <summary>A sum that cannot overflow, whatever the file holds.</summary>
    internal static Int128 Sum(IEnumerable<long> counts) => counts.Aggregate(Int128.Zero, (sum, count) => sum + count);

    private static bool Outside(double value, double low, double high)
    {
        var scale = Slack * Math.Max(1, Math.Max(Math.Abs(low), Math.Abs(high)));
        return value < low - scale || value > high + scale;
    }
}
