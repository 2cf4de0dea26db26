using MathNet.Numerics.Distributions;
using NorthKoreaShadowWar.Expressions;

namespace NorthKoreaShadowWar.Scenarios;

/// <summary>A parameter with the same value in every trial.</summary>
internal sealed record FixedValue(double Value) : ParameterDistribution
{
    /// <inheritdoc />
    public override bool IsFixed => true;
    /// <inheritdoc />
    protected override (double Lower, double Upper) UnclippedSupport => (Value, Value);
    /// <inheritdoc />
    protected override double SampleUnclipped(Random random) => Value;
    /// <inheritdoc />
    protected override double QuantileUnclipped(double probability) => Value;
    /// <inheritdoc />
    protected override string DescribeUnclipped() => Format(Value);
}

/// <summary>Uniform on <c>[Lower, Upper]</c>.</summary>
internal sealed record UniformDistribution(double Lower, double Upper) : ParameterDistribution
{
    /// <inheritdoc />
    protected override (double Lower, double Upper) UnclippedSupport => (Lower, Upper);
    /// <inheritdoc />
    protected override double SampleUnclipped(Random random) => ContinuousUniform.Sample(random, Lower, Upper);
    /// <inheritdoc />
    protected override double QuantileUnclipped(double probability) => ContinuousUniform.InvCDF(Lower, Upper, probability);
    /// <inheritdoc />
    protected override string DescribeUnclipped() => $"uniform({Format(Lower)}, {Format(Upper)})";
}

/// <summary>Normal with the given mean and standard deviation.</summary>
internal sealed record NormalDistribution(double Mean, double StandardDeviation) : ParameterDistribution
{
    /// <inheritdoc />
    protected override (double Lower, double Upper) UnclippedSupport => (double.NegativeInfinity, double.PositiveInfinity);
    /// <inheritdoc />
    protected override double SampleUnclipped(Random random) => Normal.Sample(random, Mean, StandardDeviation);
    /// <inheritdoc />
    protected override double QuantileUnclipped(double probability) => Normal.InvCDF(Mean, StandardDeviation, probability);
    /// <inheritdoc />
    protected override string DescribeUnclipped() => $"normal(mean {Format(Mean)}, sd {Format(StandardDeviation)})";
}

/// <summary>
/// Log-normal: <c>exp(N(Mu, Sigma))</c>. Experts usually give a 90% interval instead;
/// <see cref="FromPercentiles"/> turns <c>p05/p95</c> into <c>mu/sigma</c>.
/// </summary>
internal sealed record LogNormalDistribution(double Mu, double Sigma) : ParameterDistribution
{
    /// <summary>The standard normal's 95th percentile, 1.6448536...</summary>
    public static readonly double Z95 = Normal.InvCDF(0, 1, 0.95);

    /// <summary>The log-normal whose 5th and 95th percentiles are <paramref name="p05"/> and <paramref name="p95"/>.</summary>
    public static LogNormalDistribution FromPercentiles(double p05, double p95) =>
        new((Math.Log(p05) + Math.Log(p95)) / 2, (Math.Log(p95) - Math.Log(p05)) / (2 * Z95));

    /// <inheritdoc />
    protected override (double Lower, double Upper) UnclippedSupport => (0, double.PositiveInfinity);
    /// <inheritdoc />
    protected override double SampleUnclipped(Random random) => LogNormal.Sample(random, Mu, Sigma);
    /// <inheritdoc />
    protected override double QuantileUnclipped(double probability) => LogNormal.InvCDF(Mu, Sigma, probability);
    /// <inheritdoc />
    protected override string DescribeUnclipped() =>
        $"lognormal(90% in [{Format(Math.Exp(Mu - Z95 * Sigma))}, {Format(Math.Exp(Mu + Z95 * Sigma))}])";
}

/// <summary>Beta on <c>[0, 1]</c> with shape parameters <c>Alpha</c> and <c>Beta</c>.</summary>
internal sealed record BetaDistribution(double Alpha, double Beta) : ParameterDistribution
{
    /// <inheritdoc />
    protected override (double Lower, double Upper) UnclippedSupport => (0, 1);
    /// <inheritdoc />
    protected override double SampleUnclipped(Random random) => MathNet.Numerics.Distributions.Beta.Sample(random, Alpha, Beta);
    /// <inheritdoc />
    protected override double QuantileUnclipped(double probability) => MathNet.Numerics.Distributions.Beta.InvCDF(Alpha, Beta, probability);
    /// <inheritdoc />
    protected override string DescribeUnclipped() => $"beta({Format(Alpha)}, {Format(Beta)})";
}

/// <summary>
/// PERT on <c>[Min, Max]</c> with the most likely value <c>Mode</c>: a beta distribution rescaled, with
/// shape weight <c>Lambda</c> (4 in the classic PERT).
/// </summary>
internal sealed record PertDistribution(double Min, double Mode, double Max, double Lambda = 4) : ParameterDistribution
{
    /// <inheritdoc />
    protected override (double Lower, double Upper) UnclippedSupport => (Min, Max);

    /// <inheritdoc />
    protected override double SampleUnclipped(Random random)
    {
        var (alpha, beta) = Shape;
        return Min + (Max - Min) * MathNet.Numerics.Distributions.Beta.Sample(random, alpha, beta);
    }

    /// <summary>The shape parameters of the beta distribution on [0, 1] that this one rescales.</summary>
    private (double Alpha, double Beta) Shape =>
        (1 + Lambda * (Mode - Min) / (Max - Min), 1 + Lambda * (Max - Mode) / (Max - Min));

    /// <inheritdoc />
    protected override double QuantileUnclipped(double probability)
    {
        var (alpha, beta) = Shape;
        return Min + (Max - Min) * MathNet.Numerics.Distributions.Beta.InvCDF(alpha, beta, probability);
    }

    /// <inheritdoc />
    protected override string DescribeUnclipped() => $"pert({Format(Min)}, {Format(Mode)}, {Format(Max)})";
}

/// <summary>Triangular on <c>[Min, Max]</c> peaking at <c>Mode</c>.</summary>
internal sealed record TriangularDistribution(double Min, double Mode, double Max) : ParameterDistribution
{
    /// <inheritdoc />
    protected override (double Lower, double Upper) UnclippedSupport => (Min, Max);
    /// <inheritdoc />
    protected override double SampleUnclipped(Random random) => Triangular.Sample(random, Min, Max, Mode);
    /// <inheritdoc />
    protected override double QuantileUnclipped(double probability) => Triangular.InvCDF(Min, Max, Mode, probability);
    /// <inheritdoc />
    protected override string DescribeUnclipped() => $"triangular({Format(Min)}, {Format(Mode)}, {Format(Max)})";
}

/// <summary>A parameter computed from other parameters, e.g. <c>"troops0 * 2"</c>, once per trial.</summary>
internal sealed record DerivedValue(ExpressionText Expression) : ParameterDistribution
{
    /// <inheritdoc />
    protected override (double Lower, double Upper) UnclippedSupport => (double.NegativeInfinity, double.PositiveInfinity);
    /// <inheritdoc />
    protected override double SampleUnclipped(Random random) =>
        throw new InvalidOperationException("a derived parameter is computed from others, not sampled");
    /// <inheritdoc />
    protected override double QuantileUnclipped(double probability) =>
        throw new InvalidOperationException("a derived parameter is computed from others; it has no distribution of its own");
    /// <inheritdoc />
    protected override string DescribeUnclipped() => $"= {Expression.Text}";
}
