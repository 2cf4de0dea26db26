namespace NorthKoreaShadowWar.Compilation.Generated;

/// <summary>
/// What a model's generated step code (<see cref="MachineMoves"/>, <see cref="StepEnd"/>) reads and writes: one per
/// simulator, its arrays set once, the rest set before each call and read back after it. Fields, not properties, so
/// that the generated code reads each one with a single load into a local at its start (<see cref="StepFrameLocals"/>).
/// </summary>
internal sealed class StepFrame
{
    /// <summary>Refills <see cref="Draws"/> with the trial's next draws (the simulator's draws buffer), when used up.</summary>
    public Action RefillDraws = () => { };
    /// <summary>The current block of draws, and the index of the next unread one (<see cref="Draws"/>'s length: used up).</summary>
    public double[] Draws = [];
    public int Draw;
    /// <summary>The states at the start of the step (after it, for <see cref="StepEnd"/>), and the states entered in it.</summary>
    public int[] Current = [];
    public int[] Next = [];
    /// <summary>The occupancy cells, and where the current step's start (its first state's cell).</summary>
    public long[] Occupancy = [];
    public int OccupancyAt;
    public double[] Constants = [];
    public double[] Variables = [];
    /// <summary>The variables effects read: those at the start of the step when some effect reads a variable, else <see cref="Variables"/>.</summary>
    public double[] ReadVariables = [];
    /// <summary>The per-trial table contexts' stamps, and the current trial's stamp (a context built this trial has it).</summary>
    public int[] Stamps = [];
    public int Stamp;
    public double[] Bounds = [];
    /// <summary>Per outcome of a table row: the state it enters and its effect list (or -1).</summary>
    public int[] OutcomeTargets = [];
    public int[] OutcomeEffects = [];
    /// <summary>Per row: its flags (<see cref="CompiledModel.MovableFlag"/>, <see cref="CompiledModel.EachStepFlag"/>).</summary>
    public int[] RowFlags = [];
    /// <summary>The effect lists of the transitions taken so far in the step, in machine order, and how many.</summary>
    public int[] TakenEffects = [];
    public int Taken;
    /// <summary>The flags of the states entered so far in the step, or-ed together.</summary>
    public int Flags;
    /// <summary>The step just simulated, for the outcome conditions.</summary>
    public int Step;
    /// <summary>Per first-step condition, the first step it held (or -1), and how many have not held yet.</summary>
    public int[] FirstStep = [];
    public int Pending;
    /// <summary>Per steps-in condition, the steps it has held, and whether it holds after the step.</summary>
    public int[] StepsIn = [];
    public bool[] StepsInHolds = [];
    /// <summary>When <see cref="StepEnd"/> fails: the effect list and the effect (in <see cref="CompiledModel.Effects"/>) that made a variable not a finite number, or the program of the condition that had no answer.</summary>
    public int FailedList;
    public int FailedEffect;
    public int FailedProgram;
}
