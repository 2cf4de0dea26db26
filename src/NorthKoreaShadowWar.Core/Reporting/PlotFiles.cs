using ScottPlot;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>
/// Draws plots and saves them as PNG and SVG in a results folder's <c>plots/</c>, several at once. A plot is drawn
/// here, saved, and disposed: no plot outlives the saving of its files.
/// </summary>
internal static class PlotFiles
{
    /// <summary>
    /// Draws each plot, saves it as <c>plots/STEM.png</c> and <c>plots/STEM.svg</c> under <paramref name="directory"/>,
    /// at the report's width and the plot's own height, and disposes it; returns the PNG bytes, in order, for
    /// embedding in a report.
    /// </summary>
    public static byte[][] Save(IReadOnlyList<(string Stem, Func<Plot> Draw, int Height)> plots, string directory)
    {
        var folder = Path.Combine(directory, "plots");
        Directory.CreateDirectory(folder);
        var images = new byte[plots.Count][];
        Parallel.For(0, plots.Count, i =>
        {
            var (stem, draw, height) = plots[i];
            using var plot = draw();
            ReportStyle.WriteTickLabelsInvariantly(plot);
            plot.SaveSvg(Path.Combine(folder, stem + ".svg"), ReportStyle.Width, height);
            images[i] = plot.GetImageBytes(ReportStyle.Width, height, ImageFormat.Png);
            File.WriteAllBytes(Path.Combine(folder, stem + ".png"), images[i]);
        });
        return images;
    }
}
