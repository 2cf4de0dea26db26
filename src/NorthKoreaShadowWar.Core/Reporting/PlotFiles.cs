using ScottPlot;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>Saves plots as PNG and SVG files side by side, rendering them in parallel.</summary>
internal static class PlotFiles
{
    /// <summary>Writes <c>STEM.png</c> and <c>STEM.svg</c> of every plot into <paramref name="folder"/>; returns the PNG bytes, in order, for a report.</summary>
    public static byte[][] Save(IReadOnlyList<(string Stem, Plot Plot, int Height)> plots, string folder)
    {
        Directory.CreateDirectory(folder);
        var images = new byte[plots.Count][];
        Parallel.For(0, plots.Count, i =>
        {
            var (stem, plot, height) = plots[i];
            plot.SaveSvg(Path.Combine(folder, stem + ".svg"), ReportStyle.Width, height);
            images[i] = plot.GetImageBytes(ReportStyle.Width, height, ImageFormat.Png);
            File.WriteAllBytes(Path.Combine(folder, stem + ".png"), images[i]);
        });
        return images;
    }
}
