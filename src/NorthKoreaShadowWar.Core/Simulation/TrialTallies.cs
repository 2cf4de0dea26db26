using NorthKoreaShadowWar.Compilation;

namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// Integer counts gathered by one worker: adding them up gives the same totals in any order, so results do
/// not depend on how trials were shared between threads.
/// </summary>
internal sealed class TrialTallies
{
    public TrialTallies(CompiledModel model)
    {
        var cells = (model.Horizon + 1) * model.TotalStates;
        Occupancy = new long[cells];
        SecondLaneOccupancy = new long[cells];
        OccupancyChanges = new long[cells + model.TotalStates];
        FirstStep = model.FirstStepConditions.Select(_ => new long[model.Horizon + 2]).ToArray();
        StepsIn = model.StepsInConditions.Select(_ => new long[model.Horizon + 1]).ToArray();
        TotalStates = model.TotalStates;
    }

    private int TotalStates { get; }

    public long Trials { get; set; }

    public long MachineSteps { get; set; }

    /// <summary>Trials with machine m in state s after step t, at <c>t * totalStates + offset[m] + s</c>, for simulated steps.</summary>
    public long[] Occupancy { get; }

    /// <summary>
    /// <see cref="Occupancy"/> counted by the second of two trials run side by side (<see cref="TrialSimulator.RunTwo"/>),
    /// in cells of its own (see <see cref="TableTrialLoop.RunTwo"/>). Counted in with <see cref="Occupancy"/> by
    /// <see cref="Add"/> and <see cref="CompleteOccupancy"/>.
    /// </summary>
    public long[] SecondLaneOccupancy { get; }

    /// <summary>
    /// Occupancy counted by its changes, at <c>t * totalStates + offset[m] + s</c> (steps 0..horizon + 1): trials whose
    /// machine m starts to stay in state s at step t (+1), or stayed in it until the step before t (-1). The generated
    /// steps count a machine's stay in a state this way (a change only when it moves), and a trial that froze before step
    /// t occupies its cells from t on. <see cref="CompleteOccupancy"/> adds their running sums to <see cref="Occupancy"/>.
    /// </summary>
    public long[] OccupancyChanges { get; }

    /// <summary>Per first-step condition, trials by first step 0..horizon, and at horizon + 1 the trials where it never held.</summary>
    public long[][] FirstStep { get; }

    /// <summary>Per steps-in condition, trials by the number of steps 0..horizon.</summary>
    public long[][] StepsIn { get; }

    public void Add(TrialTallies other)
    {
        Trials += other.Trials;
        MachineSteps += other.MachineSteps;
        AddInto(Occupancy, other.Occupancy);
        AddInto(Occupancy, other.SecondLaneOccupancy);
        AddInto(OccupancyChanges, other.OccupancyChanges);
        for (var i = 0; i < FirstStep.Length; i++) AddInto(FirstStep[i], other.FirstStep[i]);
        for (var i = 0; i < StepsIn.Length; i++) AddInto(StepsIn[i], other.StepsIn[i]);
    }

    /// <summary>Occupancy with the changes counted in (the generated steps' stays and the frozen tails): the trials in each cell.</summary>
    public long[] CompleteOccupancy()
    {
        var complete = (long[])Occupancy.Clone();
        AddInto(complete, SecondLaneOccupancy);
        var running = new long[TotalStates];
        for (var cell = 0; cell < complete.Length; cell++)
        {
            running[cell % TotalStates] += OccupancyChanges[cell];
            complete[cell] += running[cell % TotalStates];
        }
        return complete;
    }

    private static void AddInto(long[] target, long[] source)
    {
        for (var i = 0; i < target.Length; i++) target[i] += source[i];
    }
}
