using NorthKoreaShadowWar.Description;
using NorthKoreaShadowWar.Results;
using ScottPlot;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>A machine's state shares over time as stacked areas, one colour per state.</summary>
internal static class OccupancyPlot
{
    public static Plot Draw(MachineOccupancy occupancy, string machineLabel, IReadOnlyList<string> stateLabels, string unit)
    {
        var plot = ReportStyle.NewPlot($"{machineLabel}: share of trials in each state", StepWords.Plural(unit), "% of trials");
        var steps = occupancy.States[0].Shares.Length;
        var xs = Enumerable.Range(0, steps).Select(t => (double)t).ToArray();
        var lower = new double[steps];
        for (var s = 0; s < occupancy.States.Count; s++)
        {
            var shares = occupancy.States[s].Shares;
            if (shares.All(x => x == 0)) continue;
            var upper = lower.Select((y, t) => y + 100 * shares[t]).ToArray();
            var fill = plot.Add.FillY(xs, (double[])lower.Clone(), upper);
            fill.FillColor = ReportStyle.State(s).WithAlpha(0.85);
            fill.LineWidth = 0;
            fill.LegendText = stateLabels[s];
            lower = upper;
        }
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = 13;
        plot.Axes.SetLimits(0, steps - 1, 0, 100);
        return plot;
    }
}
