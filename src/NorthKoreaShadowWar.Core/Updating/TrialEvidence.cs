using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Expressions;
using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Updating;

/// <summary>
/// Watches one trial at a time and works out the likelihood of the evidence in it: each observation is evaluated on
/// the state after its step (step 0: the initial state). It also keeps the trial's states after every step (for the
/// weighted occupancy) and, for each <c>reached</c> and <c>first_step</c> outcome, whether its condition had held by
/// <c>as_of</c>. A trial that freezes before the horizon is not simulated further (see the simulator); its remaining
/// steps repeat its last state, and <see cref="Finish"/> evaluates what is left on it.
/// </summary>
internal sealed class TrialEvidence : ITrialObserver
{
    private readonly CompiledModel model;
    private readonly EvidenceFile evidence;
    /// <summary>The observations in the order they are evaluated: by step, then as written.</summary>
    private readonly Observation[] ordered;
    private readonly int[] trackerOf;
    private readonly ConditionObservation[] tracked;
    private readonly int[] trackedFirst;
    private readonly (int Outcome, Expressions.BoundExpression Condition)[] events;
    private double[] parameters = [];
    private readonly double[] variables;
    private readonly int[] states;
    private int next;
    private int lastStep;

    public TrialEvidence(CompiledModel model, EvidenceFile evidence)
    {
        this.model = model;
        this.evidence = evidence;
        ordered = evidence.Observations.Select((o, i) => (o, i)).OrderBy(x => x.o.Step).ThenBy(x => x.i).Select(x => x.o).ToArray();
        tracked = ordered.OfType<ConditionObservation>().Where(c => c.Claim is ConditionClaim.FirstHeld or ConditionClaim.NotHeldBy).ToArray();
        trackerOf = ordered.Select(o => o is ConditionObservation c ? Array.IndexOf(tracked, c) : -1).ToArray();
        trackedFirst = new int[tracked.Length];
        events = model.Scenario.Outcomes.Select((o, i) => (o, i))
            .Where(x => x.o.Kind is OutcomeKind.Reached or OutcomeKind.FirstStep && x.o.Condition is not null)
            .Select(x => (x.i, x.o.Condition!)).ToArray();
        EventOpen = new bool[events.Length];
        Seen = new double[ordered.Length];
        variables = new double[model.VariableCount];
        states = new int[model.MachineCount];
        History = new int[HistoryLength(model)];
    }

    /// <summary>The length of a trial's history of states: (horizon + 1) × machines.</summary>
    public static int HistoryLength(CompiledModel model) => (model.Horizon + 1) * model.MachineCount;

    /// <summary>The observations in evaluation order; <see cref="Killer"/> indexes it.</summary>
    public IReadOnlyList<Observation> Ordered => ordered;

    /// <summary>The outcomes (scenario indices) whose events <see cref="EventOpen"/> follows.</summary>
    public IEnumerable<int> EventOutcomes => events.Select(e => e.Outcome);

    /// <summary>The log likelihood of the evidence in the current trial (−∞ when some observation is impossible in it).</summary>
    public double LogLikelihood { get; private set; }

    /// <summary>The first observation (in <see cref="Ordered"/>) with likelihood zero in the current trial, or −1.</summary>
    public int Killer { get; private set; }

    /// <summary>The states after each step t = 0..horizon of the current trial, row t at t × machine count.</summary>
    public int[] History { get; set; }

    /// <summary>For each event outcome, whether its condition had not held at any step up to as_of.</summary>
    public bool[] EventOpen { get; }

    /// <summary>
    /// What the current trial shows of each observation (in <see cref="Ordered"/>), as <see cref="ObservationLikelihood.Seen"/>
    /// gives it, for the trials run whole (not kept by <see cref="Save"/>).
    /// </summary>
    public double[] Seen { get; }

    /// <summary>The trial's constants (parameters by index first), as drawn.</summary>
    public IReadOnlyList<double> Parameters => parameters;

    public void OnStart(long trial, IReadOnlyList<double> trialParameters, IReadOnlyList<int> initial, IReadOnlyList<double> initialVariables)
    {
        if (parameters.Length != trialParameters.Count) parameters = new double[trialParameters.Count];
        for (var i = 0; i < parameters.Length; i++) parameters[i] = trialParameters[i];
        LogLikelihood = 0;
        Killer = -1;
        next = 0;
        Array.Fill(trackedFirst, -1);
        Array.Fill(EventOpen, true);
        See(0, initial, initialVariables);
    }

    public void OnStep(int step, IReadOnlyList<int> before, IReadOnlyList<int> after, IReadOnlyList<double> stepVariables) =>
        See(step, after, stepVariables);

    /// <summary>Completes the current trial once the simulator has returned: the steps it did not simulate repeat its last state.</summary>
    public void Finish() => CatchUp(model.Horizon);

    /// <summary>
    /// Brings the current trial to step <paramref name="step"/> when the simulator stopped earlier because the trial froze:
    /// its states repeat, and the observations up to that step are evaluated on its last state.
    /// </summary>
    public void CatchUp(int step)
    {
        var machines = states.Length;
        for (var t = lastStep + 1; t <= step; t++) Array.Copy(History, lastStep * machines, History, t * machines, machines);
        // Nothing changes in a frozen trial: conditions that did not hold at its last step never hold later.
        while (next < ordered.Length && ordered[next].Step <= step) Evaluate(next++);
    }

    /// <summary>Copies what this tracker knows of the current trial (but not its history) into <paramref name="snapshot"/>.</summary>
    public void Save(EvidenceSnapshot snapshot)
    {
        snapshot.LogLikelihood = LogLikelihood;
        snapshot.Killer = Killer;
        snapshot.Next = next;
        snapshot.LastStep = lastStep;
        snapshot.Parameters = Copy(parameters, snapshot.Parameters);
        snapshot.Variables = Copy(variables, snapshot.Variables);
        snapshot.States = Copy(states, snapshot.States);
        snapshot.TrackedFirst = Copy(trackedFirst, snapshot.TrackedFirst);
        snapshot.EventOpen = Copy(EventOpen, snapshot.EventOpen);
    }

    /// <summary>Makes <paramref name="snapshot"/> the current trial's.</summary>
    public void Restore(EvidenceSnapshot snapshot)
    {
        LogLikelihood = snapshot.LogLikelihood;
        Killer = snapshot.Killer;
        next = snapshot.Next;
        lastStep = snapshot.LastStep;
        if (parameters.Length != snapshot.Parameters.Length) parameters = new double[snapshot.Parameters.Length];
        snapshot.Parameters.CopyTo(parameters, 0);
        snapshot.Variables.CopyTo(variables, 0);
        snapshot.States.CopyTo(states, 0);
        snapshot.TrackedFirst.CopyTo(trackedFirst, 0);
        snapshot.EventOpen.CopyTo(EventOpen, 0);
    }

    internal static T[] Copy<T>(T[] from, T[] into)
    {
        if (into.Length != from.Length) into = new T[from.Length];
        from.CopyTo(into, 0);
        return into;
    }

    private void See(int step, IReadOnlyList<int> current, IReadOnlyList<double> currentVariables)
    {
        lastStep = step;
        for (var m = 0; m < states.Length; m++) states[m] = current[m];
        for (var v = 0; v < variables.Length; v++) variables[v] = currentVariables[v];
        Array.Copy(states, 0, History, step * states.Length, states.Length);
        var inputs = Inputs;
        for (var i = 0; i < tracked.Length; i++)
            if (tracked[i].Watching(trackedFirst[i], step) && ReferenceEvaluator.IsTrue(tracked[i].Bound, inputs)) trackedFirst[i] = step;
        if (step <= evidence.AsOf)
            for (var e = 0; e < events.Length; e++)
                if (EventOpen[e] && ReferenceEvaluator.IsTrue(events[e].Condition, inputs)) EventOpen[e] = false;
        while (next < ordered.Length && ordered[next].Step == step) Evaluate(next++);
    }

    private ExpressionInputs Inputs => new(parameters, variables, states);

    private void Evaluate(int index)
    {
        var observation = ordered[index];
        var seen = ObservationLikelihood.Seen(observation, Inputs, trackerOf[index] >= 0 ? trackedFirst[trackerOf[index]] : -1);
        Seen[index] = seen;
        var likelihood = ObservationLikelihood.FromSeen(observation, seen);
        if (likelihood > 0) LogLikelihood += Math.Log(likelihood);
        else if (Killer < 0)
        {
            LogLikelihood = double.NegativeInfinity;
            Killer = index;
        }
    }
}

/// <summary>What a <see cref="TrialEvidence"/> knows of one trial at a step, for a particle to be copied and go on.</summary>
internal sealed class EvidenceSnapshot
{
    public double LogLikelihood;
    public int Killer;
    public int Next;
    public int LastStep;
    public double[] Parameters = [];
    public double[] Variables = [];
    public int[] States = [];
    public int[] TrackedFirst = [];
    public bool[] EventOpen = [];

    public void CopyFrom(EvidenceSnapshot other)
    {
        LogLikelihood = other.LogLikelihood;
        Killer = other.Killer;
        Next = other.Next;
        LastStep = other.LastStep;
        Parameters = TrialEvidence.Copy(other.Parameters, Parameters);
        Variables = TrialEvidence.Copy(other.Variables, Variables);
        States = TrialEvidence.Copy(other.States, States);
        TrackedFirst = TrialEvidence.Copy(other.TrackedFirst, TrackedFirst);
        EventOpen = TrialEvidence.Copy(other.EventOpen, EventOpen);
    }
}
