using NorthKoreaShadowWar.Checking;
using NorthKoreaShadowWar.Tests.Updating;

namespace NorthKoreaShadowWar.Tests.Checking;

/// <summary>Runs the checks of a scenario and its evidence, both given as text.</summary>
internal static class CheckTesting
{
    public static CheckResult Run(string scenario, string evidence, long trials = 16_384, long replicates = 16_384, int threads = 2, ulong seed = 3)
    {
        var (prepared, file) = UpdateTesting.Load(scenario, evidence);
        return CheckRunner.Run(prepared.Model, file, new CheckSettings { Trials = trials, Replicates = replicates, Threads = threads, Seed = seed });
    }

    public static IReadOnlyList<string> Impossible(string scenario, string evidence)
    {
        var (prepared, file) = UpdateTesting.Load(scenario, evidence);
        return CheckRunner.Impossible(prepared.Model, file);
    }

    /// <summary>One machine Off → On with probability <paramref name="p"/> per step (an expression or a distribution).</summary>
    public static string Switch(string p, int horizon = 12) => $$"""
        name: switch
        horizon: {{horizon}}
        parameters:
          p: {{p}}
        machines:
          m:
            initial: Off
            states: [Off, On]
            transitions: [ { from: Off, to: On, p: p } ]
        outcomes:
          on: { reached: m.On }
        """;
}
