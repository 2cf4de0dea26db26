using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Compilation;

/// <summary>
/// Compilation pass: one <see cref="RowLayout"/> per state of every machine, deciding how the hot loop moves a machine
/// out of it (a stay, a table of cumulative bounds per context, or evaluated each step), with the row's outcomes,
/// dependencies, and the room its bounds and per-trial build stamps take.
/// </summary>
internal sealed class RowLayoutBuilder
{
    private readonly IReadOnlyList<ResolvedMachine> machines;
    private readonly MachineStates states;
    private readonly CompiledTransitions transitions;
    private readonly EffectListCompiler effects;

    private readonly List<int> dependencyMachine = [];
    private readonly List<int> dependencyStride = [];
    private readonly List<OutcomeCode> outcomes = [];
    private readonly List<int> outcomeTransitionStart = [];
    private readonly List<int> outcomeTransitionCount = [];
    private readonly List<int> outcomeTransitions = [];
    private readonly List<int> rowTransitions = [];

    private RowLayoutBuilder(IReadOnlyList<ResolvedMachine> machines, MachineStates states, CompiledTransitions transitions, EffectListCompiler effects)
    {
        this.machines = machines;
        this.states = states;
        this.transitions = transitions;
        this.effects = effects;
        Rows = new RowLayout[states.Total];
    }

    public RowLayout[] Rows { get; }
    public int[] DependencyMachine => [.. dependencyMachine];
    public int[] DependencyStride => [.. dependencyStride];
    public OutcomeCode[] Outcomes => [.. outcomes];
    public int[] OutcomeTransitionStart => [.. outcomeTransitionStart];
    public int[] OutcomeTransitionCount => [.. outcomeTransitionCount];
    public int[] OutcomeTransitions => [.. outcomeTransitions];
    public int[] RowTransitions => [.. rowTransitions];

    /// <summary>Doubles taken by the bounds of all rows.</summary>
    public int BoundsLength { get; private set; }

    /// <summary>Build stamps taken by the per-trial rows.</summary>
    public int StampCount { get; private set; }

    /// <summary>Lays out every row, in the order of <see cref="MachineStates.Offset"/>; compiles each state's <c>each_step</c> effects.</summary>
    public static RowLayoutBuilder Build(IReadOnlyList<ResolvedMachine> machines, MachineStates states, CompiledTransitions transitions, EffectListCompiler effects)
    {
        var builder = new RowLayoutBuilder(machines, states, transitions, effects);
        for (var m = 0; m < machines.Count; m++)
            for (var s = 0; s < states.Count[m]; s++)
                builder.Lay(ref builder.Rows[states.Offset[m] + s], m, s);
        foreach (ref var row in builder.Rows.AsSpan())
            row.Flags = (byte)((row.Kind == RowKind.Stay ? 0 : CompiledModel.MovableFlag) | (row.EachStepEffects >= 0 ? CompiledModel.EachStepFlag : 0));
        return builder;
    }

    private void Lay(ref RowLayout row, int machine, int state)
    {
        row.EachStepEffects = effects.Compile(machines[machine].EachStep[state]);
        var ids = transitions.IdsByMachine[machine];
        var leaving = Enumerable.Range(0, ids.Length).Where(i => machines[machine].Transitions[i].From.Contains(state)).Select(i => ids[i]).ToList();
        row.TransitionStart = rowTransitions.Count;
        row.TransitionCount = leaving.Count;
        rowTransitions.AddRange(leaving);
        var groups = OutcomeGroups(leaving, state);
        if (groups.Count == 0 && leaving.All(t => transitions.Codes[t].Effects < 0))
        {
            LayStay(ref row, state);
            return;
        }
        var dependencies = leaving.SelectMany(t => transitions.Facts[t].MachinesRead).Distinct().Order().ToArray();
        var contexts = 1L;
        foreach (var d in dependencies) contexts = Math.Min(contexts * states.Count[d], long.MaxValue / 64);
        if (leaving.Any(t => transitions.Facts[t].ReadsVariables) || contexts > ModelCompiler.MaximumContextsPerRow)
        {
            row.Kind = RowKind.Dynamic;
            return;
        }
        LayTable(ref row, state, leaving, dependencies, (int)contexts, groups);
    }

    /// <summary>A state nothing leaves: one context, one outcome (stay), and bounds of +infinity.</summary>
    private void LayStay(ref RowLayout row, int state)
    {
        row.Kind = RowKind.Stay;
        row.ContextCount = 1;
        row.OutcomeOffset = outcomes.Count;
        row.OutcomeCount = 1;
        AddStayOutcome(state);
        row.BoundsStride = 4;
        row.BoundsOffset = BoundsLength;
        BoundsLength += row.BoundsStride;
    }

    private void LayTable(ref RowLayout row, int state, List<int> leaving, int[] dependencies, int contexts, List<List<int>> groups)
    {
        row.Kind = RowKind.Table;
        row.PerTrial = leaving.Any(t => transitions.Facts[t].IsRandom);
        row.DependencyStart = dependencyMachine.Count;
        row.DependencyCount = dependencies.Length;
        var stride = 1;
        foreach (var d in dependencies.Reverse())
        {
            dependencyMachine.Add(d);
            dependencyStride.Add(stride);
            stride *= states.Count[d];
        }
        if (dependencies.Length > 0) (row.FirstDependencyMachine, row.FirstDependencyStride) = (dependencyMachine[row.DependencyStart], dependencyStride[row.DependencyStart]);
        if (dependencies.Length > 1) (row.SecondDependencyMachine, row.SecondDependencyStride) = (dependencyMachine[row.DependencyStart + 1], dependencyStride[row.DependencyStart + 1]);
        row.ContextCount = contexts;
        row.OutcomeOffset = outcomes.Count;
        row.OutcomeCount = groups.Count + 1;
        foreach (var group in groups)
        {
            outcomes.Add(new OutcomeCode(transitions.Codes[group[0]].Target, transitions.Codes[group[0]].Effects));
            outcomeTransitionStart.Add(outcomeTransitions.Count);
            outcomeTransitionCount.Add(group.Count);
            outcomeTransitions.AddRange(group);
        }
        AddStayOutcome(state);
        row.BoundsStride = Math.Max(4, (groups.Count + 3) / 4 * 4);
        row.BoundsOffset = BoundsLength;
        BoundsLength += row.ContextCount * row.BoundsStride;
        if (row.PerTrial)
        {
            row.StampOffset = StampCount;
            StampCount += row.ContextCount;
        }
    }

    private void AddStayOutcome(int state)
    {
        outcomes.Add(new OutcomeCode(state, -1));
        outcomeTransitionStart.Add(outcomeTransitions.Count);
        outcomeTransitionCount.Add(0);
    }

    /// <summary>
    /// Groups the transitions leaving state <paramref name="state"/> into outcomes: transitions without effects
    /// and the same target add up into one outcome; a transition with effects is an outcome of its own (so its
    /// effects apply only when it is the one taken). Effect-free self-loops are the same as staying and are left out.
    /// </summary>
    private List<List<int>> OutcomeGroups(List<int> leaving, int state)
    {
        var codes = transitions.Codes;
        var groups = new List<List<int>>();
        foreach (var t in leaving)
        {
            var transition = codes[t];
            if (transition.Effects < 0 && transition.Target == state) continue;
            var group = transition.Effects < 0
                ? groups.FirstOrDefault(g => codes[g[0]].Effects < 0 && codes[g[0]].Target == transition.Target)
                : null;
            if (group is null) groups.Add([t]);
            else group.Add(t);
        }
        return groups;
    }
}
