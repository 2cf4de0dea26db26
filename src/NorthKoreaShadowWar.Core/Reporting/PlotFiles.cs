using ScottPlot;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>Saves a plot as the SVG and PNG pair every report keeps in its <c>plots/</c> folder.</summary>
internal static class PlotFiles
{
    /// <summary>Writes <c>STEM.svg</c> and <c>STEM.png</c> into <paramref name="folder"/>; returns the PNG's bytes, for embedding in a report.</summary>
    public static byte[] Save(Plot plot, string folder, string stem, int height)
    {
        plot.SaveSvg(Path.Combine(folder, stem + ".svg"), ReportStyle.Width, height);
        var png = plot.GetImageBytes(ReportStyle.Width, height, ImageFormat.Png);
        File.WriteAllBytes(Path.Combine(folder, stem + ".png"), png);
        return png;
    }
}
