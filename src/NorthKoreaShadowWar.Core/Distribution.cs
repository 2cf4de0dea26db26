namespace NorthKoreaShadowWar;

/// <summary>
/// How a parameter is drawn for each trial, written as the scenario format writes it (docs/scenario-format.md,
/// "Parameters"): <c>Distribution.Beta(2, 30)</c> is <c>{ beta: { alpha: 2, beta: 30 } }</c>. The arguments are
/// checked when the scenario is built or the override applied, with the loader's messages.
/// </summary>
public sealed class Distribution
{
    private readonly string? body;

    private Distribution(string yaml, string? body)
    {
        Yaml = yaml;
        this.body = body;
    }

    /// <summary>The definition as written in a scenario file.</summary>
    internal string Yaml { get; }

    /// <summary>The same value in every trial.</summary>
    public static Distribution Fixed(double value) => new(N(value), null);

    /// <summary>Uniform on [<paramref name="lower"/>, <paramref name="upper"/>].</summary>
    public static Distribution Uniform(double lower, double upper) => Of($"uniform: [{N(lower)}, {N(upper)}]");

    /// <summary>Normal with mean <paramref name="mean"/> and standard deviation <paramref name="sd"/>.</summary>
    public static Distribution Normal(double mean, double sd) => Of($"normal: {{ mean: {N(mean)}, sd: {N(sd)} }}");

    /// <summary><c>exp(N(mu, sigma))</c>.</summary>
    public static Distribution LogNormal(double mu, double sigma) => Of($"lognormal: {{ mu: {N(mu)}, sigma: {N(sigma)} }}");

    /// <summary>The log-normal whose 5th and 95th percentiles are <paramref name="p05"/> and <paramref name="p95"/>: a 90% interval, as experts state them.</summary>
    public static Distribution LogNormalWithin90(double p05, double p95) => Of($"lognormal: {{ p05: {N(p05)}, p95: {N(p95)} }}");

    /// <summary>Beta on [0, 1].</summary>
    public static Distribution Beta(double alpha, double beta) => Of($"beta: {{ alpha: {N(alpha)}, beta: {N(beta)} }}");

    /// <summary>PERT: a beta on [<paramref name="min"/>, <paramref name="max"/>] around <paramref name="mode"/>, with shape weight <paramref name="lambda"/> (4 when null).</summary>
    public static Distribution Pert(double min, double mode, double max, double? lambda = null) =>
        Of($"pert: {{ min: {N(min)}, mode: {N(mode)}, max: {N(max)}{(lambda is { } l ? $", lambda: {N(l)}" : "")} }}");

    /// <summary>Triangular on [<paramref name="min"/>, <paramref name="max"/>] with its peak at <paramref name="mode"/>.</summary>
    public static Distribution Triangular(double min, double mode, double max) =>
        Of($"triangular: {{ min: {N(min)}, mode: {N(mode)}, max: {N(max)} }}");

    /// <summary>Computed from other parameters in each trial, e.g. <c>"troops0 * 2"</c>.</summary>
    public static Distribution Derived(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return new(YamlScalars.Quoted(expression), null);
    }

    /// <summary>
    /// A definition written exactly as in a scenario file or after <c>--set name=</c>, e.g.
    /// <c>{ uniform: [0.1, 0.3] }</c>, on one line.
    /// </summary>
    public static Distribution FromYaml(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return new(yaml.ReplaceLineEndings(" "), null);
    }

    /// <summary>The same distribution with every draw below <paramref name="lower"/> set to it, and above <paramref name="upper"/> set to it.</summary>
    /// <exception cref="InvalidOperationException">The distribution is fixed, derived or written as YAML: write the clip in the YAML instead.</exception>
    public Distribution Clipped(double lower, double upper) =>
        body is null
            ? throw new InvalidOperationException($"only a drawn distribution can be clipped, not {Yaml}")
            : new Distribution($"{{ {body}, clip: [{N(lower)}, {N(upper)}] }}", null);

    /// <summary>The definition as a scenario file writes it.</summary>
    public override string ToString() => Yaml;

    private static Distribution Of(string body) => new($"{{ {body} }}", body);

    private static string N(double value) => YamlScalars.Number(value);
}
