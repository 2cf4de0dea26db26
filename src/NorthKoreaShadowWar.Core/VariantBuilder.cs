using System.Globalization;
using System.Runtime.CompilerServices;

namespace NorthKoreaShadowWar;

/// <summary>
/// Defines a named what-if of a <see cref="ScenarioBuilder"/>: the base scenario with its horizon, step, some
/// parameters or some variables' initial values replaced (docs/scenario-format.md, "Variants and overrides").
/// </summary>
public sealed class VariantBuilder
{
    private readonly string name;
    private readonly CallSite site;
    private string? description;
    private (int Steps, CallSite Site)? horizon;
    private (string Unit, CallSite Site)? step;
    private readonly List<(string Name, string Yaml, CallSite Site)> parameters = [];
    private readonly List<(string Name, string Yaml, CallSite Site)> variables = [];

    internal VariantBuilder(string name, CallSite site)
    {
        this.name = name;
        this.site = site;
    }

    /// <summary>What the variant supposes, for reports.</summary>
    public VariantBuilder Description(string text)
    {
        description = text ?? throw new ArgumentNullException(nameof(text));
        return this;
    }

    /// <summary>Replaces the number of steps in a trial.</summary>
    public VariantBuilder Horizon(int steps, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        horizon = (steps, new CallSite(callerFile, callerLine));
        return this;
    }

    /// <summary>Replaces the length of one step.</summary>
    public VariantBuilder Step(string unit, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        step = (unit ?? throw new ArgumentNullException(nameof(unit)), new CallSite(callerFile, callerLine));
        return this;
    }

    /// <summary>Fixes parameter <paramref name="name"/> at <paramref name="value"/>.</summary>
    public VariantBuilder Parameter(string name, double value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Parameter(name, Distribution.Fixed(value), callerFile, callerLine);

    /// <summary>Replaces the whole definition of parameter <paramref name="name"/>.</summary>
    public VariantBuilder Parameter(string name, Distribution distribution, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(distribution);
        parameters.Add((name, distribution.Yaml, new CallSite(callerFile, callerLine)));
        return this;
    }

    /// <summary>Replaces the initial value of variable <paramref name="name"/> with an expression.</summary>
    public VariantBuilder Variable(string name, string initial, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        variables.Add((name, $"{{ initial: {YamlScalars.Quoted(initial ?? throw new ArgumentNullException(nameof(initial)))} }}", new CallSite(callerFile, callerLine)));
        return this;
    }

    /// <summary>Replaces the initial value of variable <paramref name="name"/>.</summary>
    public VariantBuilder Variable(string name, double initial, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        variables.Add((name, $"{{ initial: {YamlScalars.Number(initial)} }}", new CallSite(callerFile, callerLine)));
        return this;
    }

    internal void Write(BuiltYaml yaml, int indent)
    {
        var empty = description is null && horizon is null && step is null && parameters.Count == 0 && variables.Count == 0;
        yaml.Line(indent, $"{YamlScalars.Quoted(name)}:{(empty ? " {}" : "")}", site);
        if (description is not null) yaml.Line(indent + 1, $"description: {YamlScalars.Quoted(description)}", site);
        if (horizon is var (steps, horizonSite)) yaml.Line(indent + 1, string.Create(CultureInfo.InvariantCulture, $"horizon: {steps}"), horizonSite);
        if (step is var (unit, stepSite)) yaml.Line(indent + 1, $"step: {YamlScalars.Quoted(unit)}", stepSite);
        ScenarioBuilder.Section(yaml, "parameters", parameters, site, indent + 1);
        ScenarioBuilder.Section(yaml, "variables", variables, site, indent + 1);
    }
}
