using System.Globalization;
using System.Runtime.CompilerServices;
using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar;

/// <summary>
/// Builds a scenario in code. The builder writes the scenario in the YAML format (<see cref="ToYaml"/>) and
/// <see cref="Build"/> loads that text with the same loader and checks as a file, so a built scenario is the same
/// model as the file would be and is refused with the same messages: each problem is reported at the builder call
/// in your source that caused it (<c>Program.cs:14:1: error: ...</c>).
/// </summary>
/// <example>
/// <code>
/// var scenario = ScenarioBuilder.Create("example")
///     .Horizon(52)
///     .Parameter("shift", Distribution.Beta(2, 30))
///     .Machine("seoul", m => m
///         .Initial("Neutral")
///         .States("Neutral", "Lethal")
///         .Transition("Neutral", "Lethal", "shift"))
///     .Reached("lethal_within_half_year", "seoul.Lethal", within: 26)
///     .Build();
/// </code>
/// </example>
public sealed class ScenarioBuilder
{
    private readonly (string Name, CallSite Site) name;
    private string? title;
    private string? description;
    private readonly List<string> sources = [];
    private (string Unit, CallSite Site)? step;
    private (int Steps, CallSite Site)? horizon;
    private readonly List<(string Name, string Yaml, CallSite Site)> parameters = [];
    private readonly List<(string Name, string Initial, CallSite Site)> variables = [];
    private readonly List<MachineBuilder> machines = [];
    private readonly List<(string Name, string Yaml, CallSite Site)> outcomes = [];
    private readonly List<VariantBuilder> variants = [];

    private ScenarioBuilder(string name, CallSite site) => this.name = (name, site);

    /// <summary>Starts a scenario named <paramref name="name"/> (lowercase letters, digits, <c>_</c> and <c>-</c>).</summary>
    public static ScenarioBuilder Create(string name, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new(name, new CallSite(callerFile, callerLine));
    }

    /// <summary>A one-line title for reports.</summary>
    public ScenarioBuilder Title(string text)
    {
        title = text ?? throw new ArgumentNullException(nameof(text));
        return this;
    }

    /// <summary>Free text for the report.</summary>
    public ScenarioBuilder Description(string text)
    {
        description = text ?? throw new ArgumentNullException(nameof(text));
        return this;
    }

    /// <summary>Adds a source the assumptions come from.</summary>
    public ScenarioBuilder Source(string text)
    {
        sources.Add(text ?? throw new ArgumentNullException(nameof(text)));
        return this;
    }

    /// <summary>The number of steps in a trial, at least 1.</summary>
    public ScenarioBuilder Horizon(int steps, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        horizon = (steps, new CallSite(callerFile, callerLine));
        return this;
    }

    /// <summary>The length of one step, <c>day</c>, <c>week</c> or <c>month</c> (labels only).</summary>
    public ScenarioBuilder Step(string unit, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        step = (unit ?? throw new ArgumentNullException(nameof(unit)), new CallSite(callerFile, callerLine));
        return this;
    }

    /// <summary>A parameter with the same value in every trial.</summary>
    public ScenarioBuilder Parameter(string name, double value, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Parameter(name, Distribution.Fixed(value), callerFile, callerLine);

    /// <summary>A parameter drawn once per trial from <paramref name="distribution"/>.</summary>
    public ScenarioBuilder Parameter(string name, Distribution distribution, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(distribution);
        parameters.Add((name, distribution.Yaml, new CallSite(callerFile, callerLine)));
        return this;
    }

    /// <summary>A number carried through a trial, starting at <paramref name="initial"/>, an expression over parameters and other variables.</summary>
    public ScenarioBuilder Variable(string name, string initial, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(initial);
        variables.Add((name, YamlScalars.Quoted(initial), new CallSite(callerFile, callerLine)));
        return this;
    }

    /// <summary>A number carried through a trial, starting at <paramref name="initial"/>.</summary>
    public ScenarioBuilder Variable(string name, double initial, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        variables.Add((name, YamlScalars.Number(initial), new CallSite(callerFile, callerLine)));
        return this;
    }

    /// <summary>A state machine, defined by <paramref name="define"/>; machines move in the order they are added.</summary>
    public ScenarioBuilder Machine(string name, Action<MachineBuilder> define, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(define);
        var machine = new MachineBuilder(name, new CallSite(callerFile, callerLine));
        define(machine);
        machines.Add(machine);
        return this;
    }

    /// <summary>The probability that <paramref name="condition"/> first holds at a step no later than <paramref name="within"/> (the horizon when null).</summary>
    public ScenarioBuilder Reached(string name, string condition, int? within = null, string? description = null,
        [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Outcome(name, $"reached: {Q(condition)}{(within is { } w ? string.Create(CultureInfo.InvariantCulture, $", within: {w}") : "")}", description, callerFile, callerLine);

    /// <summary>The distribution of the first step at which <paramref name="condition"/> holds.</summary>
    public ScenarioBuilder FirstStep(string name, string condition, string? description = null,
        [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Outcome(name, $"first_step: {Q(condition)}", description, callerFile, callerLine);

    /// <summary>The share of trials ending in each state of <paramref name="machine"/>.</summary>
    public ScenarioBuilder Final(string name, string machine, string? description = null,
        [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Outcome(name, $"final: {Q(machine)}", description, callerFile, callerLine);

    /// <summary>The distribution of <paramref name="expression"/> over the variables after the last step, or after step <paramref name="at"/>.</summary>
    public ScenarioBuilder Value(string name, string expression, int? at = null, string? description = null,
        [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Outcome(name, $"value: {Q(expression)}{(at is { } a ? string.Create(CultureInfo.InvariantCulture, $", at: {a}") : "")}", description, callerFile, callerLine);

    /// <summary>The distribution of the number of steps after which <paramref name="condition"/> holds.</summary>
    public ScenarioBuilder StepsIn(string name, string condition, string? description = null,
        [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Outcome(name, $"steps_in: {Q(condition)}", description, callerFile, callerLine);

    /// <summary>A named what-if, defined by <paramref name="define"/>.</summary>
    public ScenarioBuilder Variant(string name, Action<VariantBuilder> define, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(define);
        var variant = new VariantBuilder(name, new CallSite(callerFile, callerLine));
        define(variant);
        variants.Add(variant);
        return this;
    }

    /// <summary>The scenario as a YAML file would hold it; save it to run it with <c>shadowwar</c>.</summary>
    public string ToYaml() => Write().Text;

    /// <summary>Loads and checks the scenario, as <see cref="EscalationScenario.Parse"/> would its YAML.</summary>
    /// <exception cref="ScenarioException">The scenario has errors; each is placed at the builder call that caused it.</exception>
    public EscalationScenario Build()
    {
        var yaml = Write();
        return EscalationScenario.Built(System.Text.Encoding.UTF8.GetBytes(yaml.Text), yaml.Name, yaml.Locate);
    }

    private ScenarioBuilder Outcome(string name, string body, string? description, string callerFile, int callerLine)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = description is null ? body : $"{body}, description: {Q(description)}";
        outcomes.Add((name, $"{{ {text} }}", new CallSite(callerFile, callerLine)));
        return this;
    }

    private BuiltYaml Write()
    {
        var yaml = new BuiltYaml($"{name.Name}.yaml (built in code)");
        var site = name.Site;
        yaml.Line(0, $"name: {Q(name.Name)}", site);
        if (title is not null) yaml.Line(0, $"title: {Q(title)}", site);
        if (description is not null) yaml.Line(0, $"description: {Q(description)}", site);
        if (sources.Count > 0) yaml.Line(0, $"sources: {YamlScalars.QuotedList(sources)}", site);
        if (step is var (unit, stepSite)) yaml.Line(0, $"step: {Q(unit)}", stepSite);
        if (horizon is var (steps, horizonSite)) yaml.Line(0, string.Create(CultureInfo.InvariantCulture, $"horizon: {steps}"), horizonSite);
        Section(yaml, "parameters", parameters, site);
        Section(yaml, "variables", variables.Select(v => (v.Name, $"{{ initial: {v.Initial} }}", v.Site)).ToList(), site);
        yaml.Line(0, machines.Count == 0 ? "machines: {}" : "machines:", site);
        foreach (var machine in machines) machine.Write(yaml, 1);
        Section(yaml, "outcomes", outcomes, site);
        if (variants.Count > 0) yaml.Line(0, "variants:", site);
        foreach (var variant in variants) variant.Write(yaml, 1);
        return yaml;
    }

    /// <summary>A mapping of names to flow values, one a line, left out when empty.</summary>
    internal static void Section(BuiltYaml yaml, string key, IReadOnlyList<(string Name, string Yaml, CallSite Site)> entries, CallSite site, int indent = 0)
    {
        if (entries.Count == 0) return;
        yaml.Line(indent, $"{key}:", site);
        foreach (var (entryName, value, entrySite) in entries) yaml.Line(indent + 1, $"{Q(entryName)}: {value}", entrySite);
    }

    private static string Q(string text) => YamlScalars.Quoted(text ?? throw new ArgumentNullException(nameof(text)));
}
