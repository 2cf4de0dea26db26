using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NorthKoreaShadowWar.Compilation;

namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// The specialised hot loop for models whose rows are all fixed tables or stays: every row's bounds are the same
/// in every trial, it reads at most two other machines, it has at most eight bounds, and no transition or state has
/// effects. Variables then never change within a trial, so everything tracked per step can be worked out afterwards
/// from the states of each step, which this loop writes to a history (row t = the states after step t). The loop
/// itself only moves machines and counts occupancy, over tables laid out for it once per model:
/// <list type="bullet">
/// <item>one 32-byte <see cref="Row"/> per state, with the context folded into a single bounds index
/// (<c>bounds + state[first] * firstScale + state[second] * secondScale</c>);</item>
/// <item>bounds with one width for all rows (4 or 8, padded with +infinity), so one vector compare and a popcount pick
/// the outcome without a branch;</item>
/// <item>a stay row is a row whose bounds are all +infinity and which draws nothing, so it needs no branch either.</item>
/// </list>
/// The draws, their order and the outcome each draw picks are exactly those of the general loop.
/// </summary>
internal sealed class TableTrialLoop
{
    /// <summary>Bounds compared per row: every row's bounds fit in this many doubles.</summary>
    private readonly int width;
    private readonly bool twoDependencies;
    private readonly Row[] rows;
    private readonly double[] bounds;
    private readonly Outcome[] outcomes;
    private readonly int totalStates;

    private TableTrialLoop(CompiledModel model, int width)
    {
        this.width = width;
        totalStates = model.TotalStates;
        var source = model.Rows;
        rows = new Row[source.Length];
        var boundsLength = 0;
        foreach (var row in source) boundsLength += row.ContextCount * width;
        bounds = new double[boundsLength];
        Array.Fill(bounds, double.PositiveInfinity);
        outcomes = new Outcome[model.Outcomes.Length];
        var next = 0;
        for (var m = 0; m < model.MachineCount; m++)
        {
            for (var s = 0; s < model.StateCount[m]; s++)
            {
                var index = model.StateOffset[m] + s;
                ref readonly var from = ref source[index];
                twoDependencies |= from.DependencyCount > 1;
                var moves = from.Kind != RowKind.Stay;
                var firstScale = moves ? from.FirstDependencyStride * width : 0;
                var secondScale = moves ? from.SecondDependencyStride * width : 0;
                rows[index] = new Row
                {
                    // The loop reads states numbered over all machines; the offsets of the machines read cancel here.
                    Bounds = next - model.StateOffset[from.FirstDependencyMachine] * firstScale - model.StateOffset[from.SecondDependencyMachine] * secondScale,
                    FirstMachine = from.FirstDependencyMachine,
                    FirstScale = firstScale,
                    SecondMachine = from.SecondDependencyMachine,
                    SecondScale = secondScale,
                    Outcomes = from.OutcomeOffset,
                    Draws = moves ? 1 : 0,
                };
                if (from.Kind == RowKind.Table)
                    for (var context = 0; context < from.ContextCount; context++)
                        for (var j = 0; j < from.OutcomeCount - 1; j++)
                            bounds[next + context * width + j] = model.FixedBounds[from.BoundsOffset + context * from.BoundsStride + j];
                next += from.ContextCount * width;
                for (var k = 0; k < from.OutcomeCount; k++)
                {
                    var target = model.StateOffset[m] + model.Outcomes[from.OutcomeOffset + k].Target;
                    outcomes[from.OutcomeOffset + k] = new Outcome { State = target, Movable = source[target].Kind == RowKind.Stay ? 0 : 1 };
                }
            }
        }
    }

    /// <summary>The loop for <paramref name="model"/>, or null when some row or outcome needs the general loop.</summary>
    public static TableTrialLoop? For(CompiledModel model)
    {
        if (!Vector256.IsHardwareAccelerated || model.MachineCount > UniformBuffer.Length) return null;
        var bounds = 1;
        foreach (var row in model.Rows)
        {
            if (row.EachStepEffects >= 0) return null;
            if (row.Kind == RowKind.Stay) continue;
            if (row.Kind != RowKind.Table || row.PerTrial || row.DependencyCount > 2) return null;
            for (var k = 0; k < row.OutcomeCount; k++)
                if (model.Outcomes[row.OutcomeOffset + k].Effects >= 0) return null;
            bounds = Math.Max(bounds, row.OutcomeCount - 1);
        }
        if (bounds > 8) return null;
        return new TableTrialLoop(model, bounds <= 4 ? 4 : 8);
    }

    /// <summary>
    /// Simulates one trial from the states in row 0 of <paramref name="history"/> (one row of machine-count states per
    /// step, each state numbered over all machines: <c>stateOffset[m] + s</c>), counting occupancy after each step at
    /// <c>step * totalStates + state</c>. Stops after the horizon, or after the first step that leaves every machine in a
    /// state it cannot leave. Returns the last step simulated.
    /// </summary>
    public int Run(int[] history, int machineCount, int horizon, long[] occupancy, UniformBuffer uniforms)
    {
        var step = 1;
        var draw = uniforms.Next;
        var frozen = false;
        while (step <= horizon && !frozen)
        {
            if (draw > UniformBuffer.Length - machineCount)
            {
                uniforms.Next = draw;
                uniforms.RefillKeepingUnread();
                draw = 0;
            }
            step = width == 8 && Vector512.IsHardwareAccelerated
                ? (twoDependencies ? Advance<Eight512, Two>(history, machineCount, step, horizon, occupancy, uniforms.Values, ref draw, ref frozen) : Advance<Eight512, One>(history, machineCount, step, horizon, occupancy, uniforms.Values, ref draw, ref frozen))
                : width == 8
                ? (twoDependencies ? Advance<Eight256, Two>(history, machineCount, step, horizon, occupancy, uniforms.Values, ref draw, ref frozen) : Advance<Eight256, One>(history, machineCount, step, horizon, occupancy, uniforms.Values, ref draw, ref frozen))
                : (twoDependencies ? Advance<Four, Two>(history, machineCount, step, horizon, occupancy, uniforms.Values, ref draw, ref frozen) : Advance<Four, One>(history, machineCount, step, horizon, occupancy, uniforms.Values, ref draw, ref frozen));
        }
        uniforms.Next = draw;
        return step - 1;
    }

    /// <summary>
    /// The innermost loop: moves every machine once per step from <paramref name="step"/> on, for as long as a whole
    /// step's draws are in the buffer. It calls nothing, so the JIT keeps its array bases in registers. Returns the
    /// next step to simulate.
    /// </summary>
    private int Advance<TWidth, TDependencies>(int[] history, int machineCount, int step, int horizon, long[] occupancy,
        double[] drawBlock, ref int drawIndex, ref bool frozen)
        where TWidth : struct
        where TDependencies : struct
    {
        ref var rowBase = ref MemoryMarshal.GetArrayDataReference(rows);
        ref var boundsBase = ref MemoryMarshal.GetArrayDataReference(bounds);
        ref var outcomeBase = ref MemoryMarshal.GetArrayDataReference(outcomes);
        ref var current = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(history), (nint)(step - 1) * machineCount);
        ref var cellsOfStep = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(occupancy), (nint)(step - 1) * totalStates);
        ref var draws = ref MemoryMarshal.GetArrayDataReference(drawBlock);
        var draw = (nint)drawIndex;
        var lastDraw = (nint)(UniformBuffer.Length - machineCount);
        var states = (nint)totalStates;
        var machines = (nint)machineCount;
        for (; step <= horizon && draw <= lastDraw; step++)
        {
            ref var next = ref Unsafe.Add(ref current, machines);
            cellsOfStep = ref Unsafe.Add(ref cellsOfStep, states);
            var moving = 0;
            for (nint m = 0; m < machines; m++)
            {
                ref readonly var row = ref Unsafe.Add(ref rowBase, (nint)(uint)Unsafe.Add(ref current, m));
                var at = (nint)row.Bounds + (nint)Unsafe.Add(ref current, (nint)row.FirstMachine) * row.FirstScale;
                if (typeof(TDependencies) == typeof(Two)) at += (nint)Unsafe.Add(ref current, (nint)row.SecondMachine) * row.SecondScale;
                var u = Unsafe.Add(ref draws, draw);
                draw += row.Draws;
                ref var rowBounds = ref Unsafe.Add(ref boundsBase, at);
                uint below;
                if (typeof(TWidth) == typeof(Eight512))
                {
                    below = (uint)BitOperations.PopCount(Vector512.GreaterThanOrEqual(Vector512.Create(u), Vector512.LoadUnsafe(ref rowBounds)).ExtractMostSignificantBits());
                }
                else
                {
                    var draw256 = Vector256.Create(u);
                    below = (uint)BitOperations.PopCount(Vector256.GreaterThanOrEqual(draw256, Vector256.LoadUnsafe(ref rowBounds)).ExtractMostSignificantBits());
                    if (typeof(TWidth) == typeof(Eight256))
                        below += (uint)BitOperations.PopCount(Vector256.GreaterThanOrEqual(draw256, Vector256.LoadUnsafe(ref rowBounds, 4)).ExtractMostSignificantBits());
                }
                var outcome = Unsafe.Add(ref outcomeBase, (nint)row.Outcomes + (nint)below);
                Unsafe.Add(ref next, m) = outcome.State;
                Unsafe.Add(ref cellsOfStep, (nint)(uint)outcome.State)++;
                moving |= outcome.Movable;
            }
            current = ref next;
            if (moving == 0)
            {
                frozen = true;
                step++;
                break;
            }
        }
        drawIndex = (int)draw;
        return step;
    }

    /// <summary>One state's row, laid out for this loop (32 bytes).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Row
    {
        public int Bounds;
        public int FirstMachine;
        public int FirstScale;
        public int SecondMachine;
        public int SecondScale;
        public int Outcomes;
        public int Draws;
        public int Unused;
    }

    /// <summary>One outcome of a row: the state entered (numbered over all machines), and 1 when a machine can leave it.</summary>
    private struct Outcome
    {
        public int State;
        public int Movable;
    }

    private struct Four;

    private struct Eight256;

    private struct Eight512;

    private struct One;

    private struct Two;
}
