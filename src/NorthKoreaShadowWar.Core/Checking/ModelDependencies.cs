using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Expressions;
using NorthKoreaShadowWar.Scenarios.Validation;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Checking;

/// <summary>
/// What depends on what in a compiled model (see docs/checking.md): a machine on what its initial distribution and its
/// transitions' probabilities, guards and multipliers read; a variable on its initial value and on the machines and values of the effects that
/// change it; a derived parameter on the parameters it is computed from, and correlated parameters on each other. The
/// closure of an outcome or an observation is everything it reads, directly or not. Two closures that share no machine,
/// variable or drawn parameter are independent: nothing random reaches both.
/// </summary>
internal sealed class ModelDependencies
{
    private readonly CompiledModel model;
    private readonly Dictionary<Node, List<Node>> edges = [];

    /// <summary>A machine, a variable or a parameter, by index.</summary>
    internal readonly record struct Node(NodeKind Kind, int Index);

    internal enum NodeKind { Machine, Variable, Parameter }

    public ModelDependencies(CompiledModel model)
    {
        this.model = model;
        var scenario = model.Scenario;
        for (var m = 0; m < scenario.Machines.Count; m++)
        {
            var machine = scenario.Machines[m];
            var node = new Node(NodeKind.Machine, m);
            foreach (var share in machine.InitialShares) Add(node, Reads(share.Probability));
            foreach (var transition in machine.Transitions)
            {
                Add(node, Reads(transition.Probability));
                if (transition.Guard is { } guard) Add(node, Reads(guard));
                foreach (var (condition, factor) in transition.Multipliers) Add(node, Reads(condition).Concat(Reads(factor)));
                foreach (var effect in transition.Effects) Add(new Node(NodeKind.Variable, effect.Variable), Reads(effect.Value).Append(node));
            }
            foreach (var effect in machine.EachStep.SelectMany(e => e))
                Add(new Node(NodeKind.Variable, effect.Variable), Reads(effect.Value).Append(node));
        }
        for (var v = 0; v < scenario.Variables.Count; v++) Add(new Node(NodeKind.Variable, v), Reads(scenario.Variables[v].Initial));
        for (var p = 0; p < scenario.Parameters.Count; p++)
            if (scenario.Parameters[p].Derived is { } derived) Add(new Node(NodeKind.Parameter, p), Reads(derived));
        foreach (var correlation in scenario.Correlations)
        {
            Add(new Node(NodeKind.Parameter, correlation.First), [new Node(NodeKind.Parameter, correlation.Second)]);
            Add(new Node(NodeKind.Parameter, correlation.Second), [new Node(NodeKind.Parameter, correlation.First)]);
        }
    }

    /// <summary>Everything outcome <paramref name="outcome"/> reads, directly or not.</summary>
    public IReadOnlySet<Node> OfOutcome(int outcome)
    {
        var o = model.Scenario.Outcomes[outcome];
        var start = new List<Node>();
        if (o.Condition is { } condition) start.AddRange(Reads(condition));
        if (o.Value is { } value) start.AddRange(Reads(value));
        if (o.Machine >= 0) start.Add(new Node(NodeKind.Machine, o.Machine));
        return Closure(start);
    }

    /// <summary>Everything the observations of <paramref name="evidence"/> read, directly or not.</summary>
    public IReadOnlySet<Node> OfEvidence(EvidenceFile evidence) => Closure(evidence.Observations.SelectMany(o => o switch
    {
        ConditionObservation c => Reads(c.Bound),
        MeasurementObservation m => Reads(m.Bound),
        ReportObservation r => [new Node(NodeKind.Machine, r.MachineIndex)],
        _ => [],
    }));

    /// <summary>The nodes of both sets that carry randomness: machines, variables and drawn parameters (not fixed or derived ones).</summary>
    public IReadOnlyList<Node> Shared(IReadOnlySet<Node> a, IReadOnlySet<Node> b) =>
        a.Where(b.Contains).Where(n => n.Kind != NodeKind.Parameter || model.RandomParameters.Contains(n.Index))
            .OrderBy(n => n.Kind).ThenBy(n => n.Index).ToList();

    /// <summary>The drawn parameters in <paramref name="nodes"/>, as positions in the model's random-parameter order.</summary>
    public IReadOnlyList<int> DrawnParameters(IReadOnlySet<Node> nodes) =>
        Enumerable.Range(0, model.RandomParameters.Length).Where(k => nodes.Contains(new Node(NodeKind.Parameter, model.RandomParameters[k]))).ToList();

    /// <summary>The name of a node as written in the scenario.</summary>
    public string Name(Node node) => node.Kind switch
    {
        NodeKind.Machine => model.Scenario.Machines[node.Index].Name,
        NodeKind.Variable => model.Scenario.Variables[node.Index].Name,
        _ => model.Scenario.Parameters[node.Index].Name,
    };

    private HashSet<Node> Closure(IEnumerable<Node> start)
    {
        var seen = new HashSet<Node>();
        var stack = new Stack<Node>(start);
        while (stack.TryPop(out var node))
        {
            if (!seen.Add(node)) continue;
            if (edges.TryGetValue(node, out var next)) foreach (var n in next) stack.Push(n);
        }
        return seen;
    }

    private void Add(Node from, IEnumerable<Node> to)
    {
        if (!edges.TryGetValue(from, out var list)) edges[from] = list = [];
        list.AddRange(to);
    }

    private static IEnumerable<Node> Reads(BoundExpression expression) =>
        BoundExpressionFacts.MachinesRead(expression).Select(m => new Node(NodeKind.Machine, m))
            .Concat(BoundExpressionFacts.VariablesRead(expression).Select(v => new Node(NodeKind.Variable, v)))
            .Concat(BoundExpressionFacts.ParametersRead(expression).Select(p => new Node(NodeKind.Parameter, p)));
}
