using System.Runtime.CompilerServices;

namespace NorthKoreaShadowWar;

/// <summary>Adds a guard, multipliers, effects and readable text to a transition of a <see cref="MachineBuilder"/>.</summary>
public sealed class TransitionBuilder
{
    private readonly string from;
    private readonly string to;
    private readonly string p;
    private readonly CallSite site;
    private (string Condition, CallSite Site)? when;
    private readonly List<(string When, string By, CallSite Site)> multipliers = [];
    private readonly List<(string Variable, string Effect, CallSite Site)> effects = [];
    private string? label;
    private string? narrative;

    internal TransitionBuilder(string from, string to, string p, CallSite site)
    {
        this.from = from;
        this.to = to;
        this.p = p;
        this.site = site;
    }

    /// <summary>A guard: the transition is disabled while <paramref name="condition"/> is false.</summary>
    public TransitionBuilder When(string condition, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        when = (condition ?? throw new ArgumentNullException(nameof(condition)), new CallSite(callerFile, callerLine));
        return this;
    }

    /// <summary>While <paramref name="condition"/> holds, the probability is multiplied by <paramref name="by"/>, an expression.</summary>
    public TransitionBuilder Multiplier(string condition, string by, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        multipliers.Add((Q(condition), Q(by), new CallSite(callerFile, callerLine)));
        return this;
    }

    /// <summary>While <paramref name="condition"/> holds, the probability is multiplied by <paramref name="by"/>.</summary>
    public TransitionBuilder Multiplier(string condition, double by, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        multipliers.Add((Q(condition), YamlScalars.Number(by), new CallSite(callerFile, callerLine)));
        return this;
    }

    /// <summary>An effect applied when the transition is taken: <c>"+= expr"</c>, <c>"-= expr"</c>, <c>"*= expr"</c>, <c>"= expr"</c> or a number.</summary>
    public TransitionBuilder Effect(string variable, string effect, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        effects.Add((variable ?? throw new ArgumentNullException(nameof(variable)), effect ?? throw new ArgumentNullException(nameof(effect)),
            new CallSite(callerFile, callerLine)));
        return this;
    }

    /// <summary>A short label for diagrams and traces.</summary>
    public TransitionBuilder Label(string text)
    {
        label = text ?? throw new ArgumentNullException(nameof(text));
        return this;
    }

    /// <summary>The sentence a trace tells when the transition is taken.</summary>
    public TransitionBuilder Narrative(string text)
    {
        narrative = text ?? throw new ArgumentNullException(nameof(text));
        return this;
    }

    internal void Write(BuiltYaml yaml, int indent)
    {
        yaml.Line(indent, $"- from: {from}", site);
        yaml.Line(indent + 1, $"to: {to}", site);
        yaml.Line(indent + 1, $"p: {p}", site);
        if (when is var (condition, whenSite)) yaml.Line(indent + 1, $"when: {Q(condition)}", whenSite);
        if (label is not null) yaml.Line(indent + 1, $"label: {Q(label)}", site);
        if (narrative is not null) yaml.Line(indent + 1, $"narrative: {Q(narrative)}", site);
        if (multipliers.Count > 0)
        {
            yaml.Line(indent + 1, "multipliers:", site);
            foreach (var (condition2, by, multiplierSite) in multipliers) yaml.Line(indent + 2, $"- {{ when: {condition2}, by: {by} }}", multiplierSite);
        }
        if (effects.Count > 0)
        {
            yaml.Line(indent + 1, "effects:", site);
            foreach (var (variable, effect, effectSite) in effects) yaml.Line(indent + 2, $"{Q(variable)}: {Q(effect)}", effectSite);
        }
    }

    private static string Q(string text) => YamlScalars.Quoted(text ?? throw new ArgumentNullException(nameof(text)));
}
