namespace NorthKoreaShadowWar.Compilation;

/// <summary>
/// Everything the hot loop needs about one state of one machine (a "row"), kept together in one struct.
/// A table row has one block of cumulative bounds per context, where the context is the combination of
/// the states of the machines its conditions read: <c>context = sum(states[dependency] * stride)</c>.
/// A <see cref="RowKind.Stay"/> row is laid out as a table row with the single outcome "stay", so the hot loop
/// treats it like any other table row and does not branch on it.
/// </summary>
internal struct RowLayout
{
    public RowKind Kind;
    /// <summary><see cref="CompiledModel.MovableFlag"/> and <see cref="CompiledModel.EachStepFlag"/>: what the hot loop checks about a state just entered.</summary>
    public byte Flags;
    /// <summary>True when the bounds depend on parameters drawn per trial: they are built lazily each trial.</summary>
    public bool PerTrial;
    public int DependencyStart;
    public int DependencyCount;
    /// <summary>The first two dependencies inline (stride 0 when absent), so most rows compute their context without a loop.</summary>
    public int FirstDependencyMachine;
    public int FirstDependencyStride;
    public int SecondDependencyMachine;
    public int SecondDependencyStride;
    public int ContextCount;
    /// <summary>Doubles per context in the bounds array: the number of bounds rounded up to a multiple of 4.</summary>
    public int BoundsStride;
    public int BoundsOffset;
    /// <summary>Where the row's outcomes start; the last outcome is "stay".</summary>
    public int OutcomeOffset;
    public int OutcomeCount;
    /// <summary>Where the row's per-trial build stamps start (per-trial rows only).</summary>
    public int StampOffset;
    /// <summary>The transitions leaving this state, as indices into <see cref="CompiledModel.RowTransitions"/>.</summary>
    public int TransitionStart;
    public int TransitionCount;
    /// <summary>The effects applied at the end of each step spent in this state, or -1.</summary>
    public int EachStepEffects;
}
