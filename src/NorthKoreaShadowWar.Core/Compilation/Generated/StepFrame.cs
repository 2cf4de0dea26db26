namespace NorthKoreaShadowWar.Compilation.Generated;

/// <summary>
/// What a model's generated steps (<see cref="TrialSteps"/>) read and write: one per simulator, its arrays set once,
/// the rest set before each call and read back after it. Fields, not properties, so
/// that the generated code reads each one with a single load into a local at its start (<see cref="StepFrameLocals"/>).
/// </summary>
internal sealed class StepFrame
{
    /// <summary>The current block of draws, and the index of the next unread one (<see cref="Draws"/>'s length: used up).</summary>
    public double[] Draws = [];
    public int Draw;
    /// <summary>The state of the trial's generator after the block (the simulator's <c>UniformBuffer.GeneratorState</c>): the draws after the block are made from it.</summary>
    public ulong RandomState0;
    public ulong RandomState1;
    /// <summary>
    /// The states of the machines: read at the start of a call, written when it returns (after the last step it
    /// finished; at the start of the step when a machine is left to the interpreter).
    /// </summary>
    public int[] Current = [];
    /// <summary>When a machine is left to the interpreter: the states the machines before it entered in the step.</summary>
    public int[] Next = [];
    /// <summary>
    /// The changes of occupancy (the simulator's <c>TrialTallies.OccupancyChanges</c>): a machine's stay in a state counted
    /// as +1 in the cell of its first step and -1 in the cell after its last.
    /// </summary>
    public long[] OccupancyChanges = [];
    public double[] Constants = [];
    public double[] Variables = [];
    /// <summary>The variables effects read: those at the start of the step when some effect reads a variable, else <see cref="Variables"/>.</summary>
    public double[] ReadVariables = [];
    /// <summary>Per row: its flags (<see cref="CompiledModel.MovableFlag"/>, <see cref="CompiledModel.EachStepFlag"/>).</summary>
    public int[] RowFlags = [];
    /// <summary>The effect lists of the transitions taken so far in the step, in machine order, and how many.</summary>
    public int[] TakenEffects = [];
    public int Taken;
    /// <summary>The flags of the states entered so far in the step, or-ed together.</summary>
    public int Flags;
    /// <summary>The step the call returned at (the last step finished, or the step in which a machine was left to the interpreter).</summary>
    public int Step;
    /// <summary>The machine left to the interpreter (<see cref="TrialStepsCode.Bailed"/>).</summary>
    public int Machine;
    /// <summary>Per first-step condition, the first step it held (or -1), and how many have not held yet.</summary>
    public int[] FirstStep = [];
    public int Pending;
    /// <summary>Per steps-in condition, the steps it has held, and whether it holds after the step.</summary>
    public int[] StepsIn = [];
    public bool[] StepsInHolds = [];
    /// <summary>When the end of a step fails: the effect list and the effect (in <see cref="CompiledModel.Effects"/>) that made a variable not a finite number, or the program of the condition that had no answer.</summary>
    public int FailedList;
    public int FailedEffect;
    public int FailedProgram;
}
