using ScottPlot;

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
}
