using NorthKoreaShadowWar.Comparison;

namespace NorthKoreaShadowWar.Sensitivity;

/// <summary>The sensitivity of one outcome: its tornado and its Sobol indices.</summary>
internal sealed record OutcomeSensitivity
{
    /// <summary>The outcome and how it is read per trial (as 1 or 0 for a probability).</summary>
    public required ComparedQuantity Quantity { get; init; }

    /// <summary>The outcome with every random parameter at its median, or null when no tornado was run.</summary>
    public Estimate? AtMedians { get; init; }

    /// <summary>One bar per random parameter, in the scenario's order (empty when no tornado was run).</summary>
    public IReadOnlyList<TornadoBar> Tornado { get; init; } = [];

    /// <summary>One index per random parameter in the scenario's order, then chance (empty when no Sobol design was run).</summary>
    public IReadOnlyList<SobolIndex> Sobol { get; init; } = [];

    /// <summary>The mean of the outcome's per-trial number over the Sobol design's matrices A and B.</summary>
    public double SobolMean { get; init; } = double.NaN;

    /// <summary>Its variance over A and B together, the denominator of every index.</summary>
    public double SobolVariance { get; init; } = double.NaN;

    /// <summary>
    /// The parameter with the largest total index of the outcome's expected value
    /// (<see cref="SobolIndex.TotalShareOfExpectedVariance"/>), or null without Sobol indices.
    /// </summary>
    public SobolIndex? MostInfluential => Ranked.FirstOrDefault(s => s.TotalShareOfExpectedVariance is { Value: var v } && double.IsFinite(v));

    /// <summary>The parameters by total index of the expected value, largest first, then chance.</summary>
    public IEnumerable<SobolIndex> Ranked => Sobol
        .OrderBy(s => s.TotalShareOfExpectedVariance is null ? 1 : 0)
        .ThenByDescending(s => s.TotalShareOfExpectedVariance is { Value: var v } && double.IsFinite(v) ? v : double.MinValue);

    /// <summary>The tornado's bars by the size of their swing, largest first.</summary>
    public IEnumerable<TornadoBar> TornadoBySwing => Tornado.OrderByDescending(b => Math.Abs(b.Swing.Value));

    /// <summary>
    /// Every input with its tornado bar and Sobol indices (either null where it has none), most influential first: by
    /// <see cref="Ranked"/> when there are Sobol indices, else by swing.
    /// </summary>
    public IEnumerable<(string Input, TornadoBar? Bar, SobolIndex? Index)> Rows =>
        (Sobol.Count > 0 ? Ranked.Select(s => s.Input) : TornadoBySwing.Select(b => b.Parameter))
        .Select(input => (input, Tornado.FirstOrDefault(b => b.Parameter == input), Sobol.FirstOrDefault(s => s.Input == input)));

    /// <summary>A label for tables: the outcome, with its state for a final outcome.</summary>
    public string Label => Quantity.Label;
}
