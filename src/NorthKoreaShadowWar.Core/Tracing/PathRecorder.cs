using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Description;
using NorthKoreaShadowWar.Scenarios.Validation;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Tracing;

/// <summary>
/// Records one trial as a <see cref="TracedPath"/>: every change of state, attributed to the transition that
/// caused it and told by a <see cref="Storyteller"/>.
/// </summary>
internal sealed class PathRecorder(CompiledModel model, Storyteller storyteller) : ITrialObserver
{
    private readonly ResolvedScenario scenario = model.Scenario;
    private readonly double[] stack = new double[Math.Max(1, model.MaxStackDepth)];
    private readonly List<TraceEvent> events = [];
    private double[] trialConstants = [];
    private double[] variablesBefore = [];
    private int[] initialStates = [];
    private int[] finalStates = [];
    private long trial;
    private int lastStep;

    public void OnStart(long trialIndex, IReadOnlyList<double> parameterValues, IReadOnlyList<int> states, IReadOnlyList<double> variables)
    {
        trial = trialIndex;
        events.Clear();
        trialConstants = [.. parameterValues];
        variablesBefore = [.. variables];
        initialStates = [.. states];
        finalStates = [.. states];
        lastStep = 0;
    }

    public void OnStep(int step, IReadOnlyList<int> before, IReadOnlyList<int> after, IReadOnlyList<double> variables)
    {
        for (var m = 0; m < after.Count; m++)
        {
            if (before[m] == after[m]) continue;
            var transition = Attribute(m, before, after[m]);
            events.Add(new TraceEvent(step, m, before[m], after[m], transition, storyteller.Sentence(m, before[m], after[m], transition, after, variables)));
        }
        variablesBefore = [.. variables];
        finalStates = [.. after];
        lastStep = step;
    }

    /// <summary>The path recorded since the last <see cref="OnStart"/>.</summary>
    public TracedPath Path() => new(trial, initialStates, [.. events], finalStates, variablesBefore, lastStep);

    /// <summary>
    /// Which transition moved machine <paramref name="machine"/> into <paramref name="to"/>: the only one that could,
    /// or the first with a positive probability given the states and variables at the start of the step.
    /// </summary>
    private int Attribute(int machine, IReadOnlyList<int> before, int to)
    {
        var transitions = scenario.Machines[machine].Transitions;
        var states = before.ToArray();
        var candidates = Enumerable.Range(0, transitions.Count).Where(t => transitions[t].From.Contains(before[machine]) && transitions[t].To == to).ToList();
        if (candidates.Count <= 1) return candidates.Count == 1 ? candidates[0] : -1;
        // Compiled transitions are numbered machine by machine, in file order.
        var first = scenario.Machines.Take(machine).Sum(m => m.Transitions.Count);
        foreach (var t in candidates)
            if (model.EffectiveProbability(first + t, trialConstants, variablesBefore, states, stack) > 0) return t;
        return candidates[0];
    }
}
