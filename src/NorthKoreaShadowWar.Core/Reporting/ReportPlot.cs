using ScottPlot;

namespace NorthKoreaShadowWar.Reporting;

/// <summary>What a plot shows, in the report's order.</summary>
internal enum ReportPlotKind
{
    /// <summary>Every probability outcome as a bar with its 95% interval.</summary>
    Probabilities,
    /// <summary>A distribution's histogram with its quantiles marked.</summary>
    Histogram,
    /// <summary>A distribution's cumulative distribution function.</summary>
    Cumulative,
    /// <summary>A first step as a cumulative-incidence curve over the horizon.</summary>
    CumulativeIncidence,
    /// <summary>A machine's final states as bars with their intervals.</summary>
    FinalStates,
    /// <summary>A machine's state shares over time, stacked.</summary>
    Occupancy,
    /// <summary>A probability's estimate and interval after each batch of a precision-controlled run.</summary>
    Convergence,
    /// <summary>Two correlated parameters' draws as a scatter plot.</summary>
    Correlation,
}

/// <summary>
/// One plot of a report: the file name it is saved under (without extension), a caption, and how to draw it.
/// <see cref="Draw"/> makes a new plot on each call, which the caller disposes (<see cref="PlotFiles.Save"/> does).
/// </summary>
internal sealed record ReportPlot(string FileStem, ReportPlotKind Kind, string Title, string Caption, Func<Plot> Draw, int SeriesCount);
