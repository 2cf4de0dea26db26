namespace NorthKoreaShadowWar.Tests.Batches;

/// <summary>Tiny scenarios for batches, written to a fresh folder per test.</summary>
internal static class BatchScenarios
{
    /// <summary>
    /// Machine a moves with probability x per step, so a_on_1 (reached within 1 step) is exactly x; b moves with a
    /// drawn y; <c>twice</c> is computed from x. Six rows per run: a_on_1, b_on, first_b happens and mean, final_a Off and On.
    /// </summary>
    public const string Tiny = """
        name: tiny
        horizon: 3
        parameters:
          x: 0.5
          y: { uniform: [0.1, 0.3] }
          twice: "x * 2"
        machines:
          a:
            initial: Off
            states: [Off, On]
            transitions: [ { from: Off, to: On, p: x } ]
          b:
            initial: Off
            states: [Off, On]
            transitions: [ { from: Off, to: On, p: y } ]
        outcomes:
          a_on_1: { reached: a.On, within: 1 }
          b_on: { reached: b.On }
          first_b: { first_step: b.On }
          final_a: { final: a }
        variants:
          slow: { parameters: { y: 0.05 } }
          fast: { parameters: { y: { uniform: [0.4, 0.6] } } }
        """;

    /// <summary>The rows each run of <see cref="Tiny"/> has in batch.csv and sweep.csv.</summary>
    public const int RowsPerRun = 6;

    /// <summary>Writes <see cref="Tiny"/> as <c>tiny.yaml</c> in <paramref name="directory"/>; returns its path.</summary>
    public static string Write(string directory)
    {
        var path = Path.Combine(directory, "tiny.yaml");
        File.WriteAllText(path, Tiny);
        return path;
    }
}
