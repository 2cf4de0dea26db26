namespace NorthKoreaShadowWar.Tests.Shards;

/// <summary>Scenarios for the shard tests.</summary>
internal static class ShardScenarios
{
    /// <summary>
    /// A value outcome that is different in every trial, positive and negative: a run of more than
    /// <see cref="Statistics.QuantileSketch.ExactLimit"/> trials overflows its quantile sketch into buckets.
    /// </summary>
    public const string Spread = """
        name: spread
        horizon: 6
        parameters:
          level: { normal: { mean: 100, sd: 1000 } }
          rate: { uniform: [0.1, 0.4] }
        variables:
          x: { initial: level }
        machines:
          a:
            initial: Off
            states: [Off, On]
            each_step: { On: { x: "+= level * 0.5" } }
            transitions: [ { from: Off, to: On, p: rate } ]
        outcomes:
          x_end: { value: x }
          on: { reached: a.On, within: 3 }
          first_on: { first_step: "a == On" }
          final_a: { final: a }
          on_steps: { steps_in: a.On }
        variants:
          calm: { parameters: { rate: 0.05 } }
        """;

    /// <summary>Writes <paramref name="text"/> as <paramref name="name"/> in <paramref name="folder"/> and returns its path.</summary>
    public static string Write(string folder, string text = Spread, string name = "spread.yaml")
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
