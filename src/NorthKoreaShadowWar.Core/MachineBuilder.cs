using System.Runtime.CompilerServices;

namespace NorthKoreaShadowWar;

/// <summary>Defines one state machine of a <see cref="ScenarioBuilder"/> (docs/scenario-format.md, "Machines").</summary>
public sealed class MachineBuilder
{
    private readonly string name;
    private readonly CallSite site;
    private string? label;
    private (string State, CallSite Site)? initial;
    private readonly List<(string Yaml, CallSite Site)> states = [];
    private bool statesGiven;
    private readonly List<string> absorbing = [];
    private readonly List<(string State, string Variable, string Effect, CallSite Site)> eachStep = [];
    private readonly List<TransitionBuilder> transitions = [];

    internal MachineBuilder(string name, CallSite site)
    {
        this.name = name;
        this.site = site;
    }

    /// <summary>A readable name for reports and traces, e.g. "South Korea's posture".</summary>
    public MachineBuilder Label(string text)
    {
        label = text ?? throw new ArgumentNullException(nameof(text));
        return this;
    }

    /// <summary>The state every trial starts in.</summary>
    public MachineBuilder Initial(string state, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        initial = (state ?? throw new ArgumentNullException(nameof(state)), new CallSite(callerFile, callerLine));
        return this;
    }

    /// <summary>Adds states, in order.</summary>
    public MachineBuilder States(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        statesGiven = true;
        foreach (var state in names) states.Add((Q(state), site));
        return this;
    }

    /// <summary>Adds a state with a short label and the sentence a trace tells on entering it (<c>{variable}</c> and <c>{machine}</c> stand for their values).</summary>
    public MachineBuilder State(string name, string? label = null, string? narrative = null,
        [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        statesGiven = true;
        var text = $"name: {Q(name)}" + (label is null ? "" : $", label: {Q(label)}") + (narrative is null ? "" : $", narrative: {Q(narrative)}");
        states.Add(($"{{ {text} }}", new CallSite(callerFile, callerLine)));
        return this;
    }

    /// <summary>States that are never left.</summary>
    public MachineBuilder Absorbing(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        absorbing.AddRange(names);
        return this;
    }

    /// <summary>
    /// An effect at the end of every step after which the machine is in <paramref name="state"/>:
    /// <paramref name="effect"/> is <c>"+= expr"</c>, <c>"-= expr"</c>, <c>"*= expr"</c>, <c>"= expr"</c> or a number.
    /// </summary>
    public MachineBuilder EachStep(string state, string variable, string effect, [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0)
    {
        eachStep.Add((state ?? throw new ArgumentNullException(nameof(state)), variable ?? throw new ArgumentNullException(nameof(variable)),
            effect ?? throw new ArgumentNullException(nameof(effect)), new CallSite(callerFile, callerLine)));
        return this;
    }

    /// <summary>
    /// A move from <paramref name="from"/> (a state, or <c>"*"</c> for every non-absorbing state) to <paramref name="to"/>
    /// with probability <paramref name="p"/> per step, an expression over parameters and variables; <paramref name="define"/>
    /// adds a guard, multipliers, effects or a narrative.
    /// </summary>
    public MachineBuilder Transition(string from, string to, string p, Action<TransitionBuilder>? define = null,
        [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Add(Q(from), to, Q(p ?? throw new ArgumentNullException(nameof(p))), define, callerFile, callerLine);

    /// <summary>A move from <paramref name="from"/> (a state, or <c>"*"</c>) to <paramref name="to"/> with a fixed probability <paramref name="p"/> per step.</summary>
    public MachineBuilder Transition(string from, string to, double p, Action<TransitionBuilder>? define = null,
        [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Add(Q(from), to, YamlScalars.Number(p), define, callerFile, callerLine);

    /// <summary>A move from any of the states <paramref name="from"/> to <paramref name="to"/> with probability <paramref name="p"/> per step.</summary>
    public MachineBuilder Transition(IReadOnlyList<string> from, string to, string p, Action<TransitionBuilder>? define = null,
        [CallerFilePath] string callerFile = "", [CallerLineNumber] int callerLine = 0) =>
        Add(YamlScalars.QuotedList(from ?? throw new ArgumentNullException(nameof(from))), to, Q(p ?? throw new ArgumentNullException(nameof(p))), define, callerFile, callerLine);

    private MachineBuilder Add(string from, string to, string p, Action<TransitionBuilder>? define, string callerFile, int callerLine)
    {
        var transition = new TransitionBuilder(from, Q(to), p, new CallSite(callerFile, callerLine));
        define?.Invoke(transition);
        transitions.Add(transition);
        return this;
    }

    internal void Write(BuiltYaml yaml, int indent)
    {
        yaml.Line(indent, $"{Q(name)}:", site);
        if (label is not null) yaml.Line(indent + 1, $"label: {Q(label)}", site);
        if (initial is var (state, initialSite)) yaml.Line(indent + 1, $"initial: {Q(state)}", initialSite);
        if (statesGiven)
        {
            yaml.Line(indent + 1, states.Count == 0 ? "states: []" : "states:", site);
            foreach (var (text, stateSite) in states) yaml.Line(indent + 2, $"- {text}", stateSite);
        }
        if (absorbing.Count > 0) yaml.Line(indent + 1, $"absorbing: {YamlScalars.QuotedList(absorbing)}", site);
        if (eachStep.Count > 0)
        {
            yaml.Line(indent + 1, "each_step:", site);
            foreach (var group in eachStep.GroupBy(e => e.State))
            {
                yaml.Line(indent + 2, $"{Q(group.Key)}:", group.First().Site);
                foreach (var effect in group) yaml.Line(indent + 3, $"{Q(effect.Variable)}: {Q(effect.Effect)}", effect.Site);
            }
        }
        yaml.Line(indent + 1, transitions.Count == 0 ? "transitions: []" : "transitions:", site);
        foreach (var transition in transitions) transition.Write(yaml, indent + 2);
    }

    private static string Q(string text) => YamlScalars.Quoted(text ?? throw new ArgumentNullException(nameof(text)));
}
