using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>
/// The look shared by every plot: size, fonts, and one colour per state index, so a state has the same colour
/// in a machine's occupancy plot and in its final-state bars.
/// </summary>
internal static class ReportStyle
{
    public const int Width = 960;
    public const int Height = 540;

    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    /// <summary>The colour of state <paramref name="index"/> of any machine.</summary>
    public static Color State(int index) => Palette.GetColor(index % Palette.Colors.Length);

    /// <summary>The colour of estimates (bars and curves that are not states).</summary>
    public static Color Estimate => Palette.GetColor(0);

    /// <summary>A new plot with the title, axis labels and fonts set.</summary>
    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Title(title);
        plot.Axes.Title.Label.FontSize = 20;
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.Bottom.Label.FontSize = 16;
        plot.Axes.Left.Label.FontSize = 16;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        return plot;
    }

    /// <summary>
    /// Makes every automatic tick label of <paramref name="plot"/> (its axes' and its colour bars') write numbers in the
    /// invariant culture, as the rest of a results folder does: ScottPlot's own labels use the current culture.
    /// </summary>
    public static void WriteTickLabelsInvariantly(Plot plot)
    {
        var axes = plot.Axes.GetAxes().Concat(plot.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>().Select(bar => bar.Axis));
        foreach (var axis in axes)
            if (axis.TickGenerator is NumericAutomatic automatic)
                automatic.LabelFormatter = TickLabel;
    }

    /// <summary>
    /// A tick label as ScottPlot writes one, in the invariant culture: whole or large numbers with thousands separators
    /// (<c>12,000</c>), others in the general format to ten decimals (<c>0.25</c>).
    /// </summary>
    public static string TickLabel(double value)
    {
        if ((int)value == value || Math.Abs(value) > 1000) return value.ToString("N0", CultureInfo.InvariantCulture);
        var label = Math.Round(value, 10).ToString("G", CultureInfo.InvariantCulture);
        return label == "-0" ? "0" : label;
    }
}
