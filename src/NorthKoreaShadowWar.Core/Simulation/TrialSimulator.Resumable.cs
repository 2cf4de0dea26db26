using NorthKoreaShadowWar.Randomness;


namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// Resumable trials, for updating on evidence (see docs/updating.md): a trial is started, stepped from one step to
/// another with draws from a stream the caller chooses, saved into a <see cref="TrialSnapshot"/> and restored from one
/// (so that a copy of it can go on differently), and finished. The steps run through the same general loop as
/// <see cref="Run"/>; only where the draws come from differs.
/// </summary>
internal sealed partial class TrialSimulator
{
    private long resumableTrial;
    private int resumablePending;
    private int resumableLast;
    private bool resumableFrozen;

    /// <summary>The last step simulated of the current resumable trial.</summary>
    public int StepReached => resumableLast;

    /// <summary>Starts trial <paramref name="trial"/> (its parameters and initial states drawn from its own streams) at step 0.</summary>
    public void Start(long trial, Span<double> values, ITrialObserver? observer) =>
        Started(trial, StartTrial(trial, values, observer, countInitialStates: true));

    /// <summary>
    /// Starts trial <paramref name="trial"/> at step 0 with its parameters drawn from its own streams but its initial
    /// states drawn first from <paramref name="path"/>, the stream its steps then go on with (nothing is drawn from it
    /// here when no machine has an initial distribution): a fresh path from step 0, initial states included.
    /// </summary>
    public void StartFresh(long trial, ref Xoroshiro128StarStar path, Span<double> values, ITrialObserver? observer) =>
        Started(trial, StartTrialFrom(trial, ref path, values, observer));

    private void Started(long trial, int pending)
    {
        resumableTrial = trial;
        resumablePending = pending;
        resumableLast = 0;
        resumableFrozen = false;
    }

    /// <summary>
    /// Steps the current trial on to step <paramref name="to"/>, drawing from <paramref name="stream"/>. A trial that has
    /// frozen stays as it is (its later steps equal its last one).
    /// </summary>
    public void Continue(int to, Xoroshiro128StarStar stream, Span<double> values, ITrialObserver? observer)
    {
        if (resumableFrozen || to <= resumableLast) return;
        uniforms.Reset(stream);
        (resumableLast, resumableFrozen) = RunSteps(resumableLast + 1, to, resumableTrial, values, observer, ref resumablePending);
    }

    /// <summary>Finishes the current trial (its trackers and end values), as <see cref="Run"/> does after its last step.</summary>
    public void Finish(Span<double> values) => FinishTrial(resumableLast, values);

    /// <summary>Copies the current trial's whole state, with its <paramref name="values"/>, into <paramref name="snapshot"/>.</summary>
    public void Save(TrialSnapshot snapshot, ReadOnlySpan<double> values)
    {
        snapshot.Trial = resumableTrial;
        snapshot.Pending = resumablePending;
        snapshot.Last = resumableLast;
        snapshot.Frozen = resumableFrozen;
        snapshot.Ensure(states.Length, variables.Length, constants.Length, firstStep.Length, stepsIn.Length, values.Length);
        states.CopyTo(snapshot.States, 0);
        variables.CopyTo(snapshot.Variables, 0);
        constants.CopyTo(snapshot.Constants, 0);
        firstStep.CopyTo(snapshot.FirstStep, 0);
        stepsIn.CopyTo(snapshot.StepsIn, 0);
        stepsInHolds.CopyTo(snapshot.StepsInHolds, 0);
        values.CopyTo(snapshot.Values);
    }

    /// <summary>Makes <paramref name="snapshot"/> the current trial, its values into <paramref name="values"/>.</summary>
    public void Restore(TrialSnapshot snapshot, Span<double> values)
    {
        // Per-trial transition tables built for another trial are stale: a new stamp rebuilds them from the constants.
        NewStamp();
        resumableTrial = snapshot.Trial;
        resumablePending = snapshot.Pending;
        resumableLast = snapshot.Last;
        resumableFrozen = snapshot.Frozen;
        snapshot.States.CopyTo(states, 0);
        snapshot.Variables.CopyTo(variables, 0);
        snapshot.Constants.CopyTo(constants, 0);
        snapshot.FirstStep.CopyTo(firstStep, 0);
        snapshot.StepsIn.CopyTo(stepsIn, 0);
        snapshot.StepsInHolds.CopyTo(stepsInHolds, 0);
        snapshot.Values.CopyTo(values);
    }
}

/// <summary>Everything a resumable trial of <see cref="TrialSimulator"/> is at a step: what a copy needs to go on from there.</summary>
internal sealed class TrialSnapshot
{
    public long Trial;
    public int Pending;
    public int Last;
    public bool Frozen;
    public int[] States = [];
    public double[] Variables = [];
    public double[] Constants = [];
    public int[] FirstStep = [];
    public int[] StepsIn = [];
    public bool[] StepsInHolds = [];
    public double[] Values = [];

    public void Ensure(int machines, int variables, int constants, int firstSteps, int stepsIn, int values)
    {
        if (States.Length == machines && Variables.Length == variables && Constants.Length == constants && Values.Length == values
            && FirstStep.Length == firstSteps && StepsIn.Length == stepsIn) return;
        States = new int[machines];
        Variables = new double[variables];
        Constants = new double[constants];
        FirstStep = new int[firstSteps];
        StepsIn = new int[stepsIn];
        StepsInHolds = new bool[stepsIn];
        Values = new double[values];
    }

    public void CopyFrom(TrialSnapshot other)
    {
        Trial = other.Trial;
        Pending = other.Pending;
        Last = other.Last;
        Frozen = other.Frozen;
        Ensure(other.States.Length, other.Variables.Length, other.Constants.Length, other.FirstStep.Length, other.StepsIn.Length, other.Values.Length);
        other.States.CopyTo(States, 0);
        other.Variables.CopyTo(Variables, 0);
        other.Constants.CopyTo(Constants, 0);
        other.FirstStep.CopyTo(FirstStep, 0);
        other.StepsIn.CopyTo(StepsIn, 0);
        other.StepsInHolds.CopyTo(StepsInHolds, 0);
        other.Values.CopyTo(Values, 0);
    }
}
