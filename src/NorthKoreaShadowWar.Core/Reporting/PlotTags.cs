using ScottPlot;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>
/// Tags that name marked values (quantiles, the mean, a ceiling) inside a plot's data area, never on its axes, where
/// they would cover the tick labels. Tags along the top are set in rows so that no two overlap.
/// </summary>
internal static class PlotTags
{
    public const float FontSize = 13;

    /// <summary>The data area's width in pixels, near enough to set tags in rows before the plot is laid out.</summary>
    private const double DataWidth = ReportStyle.Width - 140;

    /// <summary>One row of tags, as a share of the height the tags are given above the data.</summary>
    public const double RowShare = 0.075;

    /// <summary>
    /// Adds a tag for each vertical line at its x, hanging from <paramref name="top"/> (in the y axis' units, inside the
    /// data area) and set in rows downward so that tags closer than their widths do not overlap; returns the tags and
    /// the number of rows used. The caller leaves <c>rows · RowShare · top</c> of room above the data.
    /// </summary>
    public static (IReadOnlyList<ScottPlot.Plottables.Text> Tags, int Rows) AlongTop(
        Plot plot, IReadOnlyList<(string Text, double X, Color Color)> marks, double xMin, double xMax, double top)
    {
        var span = xMax > xMin ? xMax - xMin : 1;
        var rowEnds = new List<double>();
        var tags = new List<ScottPlot.Plottables.Text>();
        foreach (var (text, x, color) in marks.OrderBy(m => m.X))
        {
            // Half a tag's width in the x axis' units, with a margin: about 0.62 em per character and the padding.
            var half = (text.Length * 0.62 * FontSize + 14) / 2 / DataWidth * span;
            var row = rowEnds.FindIndex(end => end < x - half);
            if (row < 0)
            {
                rowEnds.Add(double.NegativeInfinity);
                row = rowEnds.Count - 1;
            }
            rowEnds[row] = x + half;
            // A little below the top so that the tag's box clears the frame.
            var tag = plot.Add.Text(text, x, top * (0.985 - RowShare * row));
            tag.LabelFontSize = FontSize;
            tag.LabelAlignment = Alignment.UpperCenter;
            tag.LabelFontColor = Colors.White;
            tag.LabelBackgroundColor = color;
            tag.LabelPadding = 3;
            tags.Add(tag);
        }
        return (tags, rowEnds.Count);
    }
}
