using System.Globalization;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Scenarios.Loading;

namespace NorthKoreaShadowWar.Scenarios.Validation;

/// <summary>
/// Refuses a scenario whose per-step results would be too large to keep and write, before anything is run: a run keeps
/// and writes the share of trials in every state at every step (docs/scenario-format.md, "Limits"), so the size of its
/// results is the product of the horizon and the number of states of all machines, which each limit alone does not bound.
/// </summary>
internal static class ResultsSize
{
    /// <summary>
    /// The most occupancy rows (steps, counting step 0, times the states of all machines) a scenario may have; at about
    /// 75 bytes a row in summary.json this keeps the file near 300 MB, far under the 2 GiB a JSON writer can produce.
    /// </summary>
    public const long MaximumOccupancyRows = 4_000_000;

    /// <summary>The number of occupancy rows of a scenario with <paramref name="horizon"/> steps and <paramref name="states"/> states in all.</summary>
    public static long OccupancyRows(int horizon, long states) => (horizon + 1L) * states;

    /// <summary>Reports, at the horizon, a scenario whose occupancy rows exceed <see cref="MaximumOccupancyRows"/>.</summary>
    public static void Check(Scenario scenario, DiagnosticBag diagnostics)
    {
        var horizon = scenario.Horizon.Value;
        if (horizon == ScenarioLoader.UnknownHorizon) return;
        var states = scenario.Machines.Sum(m => (long)m.States.Count);
        var rows = OccupancyRows(horizon, states);
        if (rows <= MaximumOccupancyRows) return;
        diagnostics.Error(scenario.Horizon.Position,
            string.Create(CultureInfo.InvariantCulture, $"horizon {horizon:N0} × {states:N0} states gives {rows:N0} occupancy rows (one per state for each step, step 0 included); "
            + $"the limit is {MaximumOccupancyRows:N0}: use a longer step or fewer states"));
    }
}
