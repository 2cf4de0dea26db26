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
    /// <summary>
    /// Everything the loop reads, in one block so that one register addresses it: the rows (one <see cref="Row"/> per
    /// state, from the start), then the bounds (doubles, at <see cref="Row.Bounds"/> plus the context), then the state
    /// each outcome enters (ints, at <see cref="Row.Outcomes"/> plus the outcome's index).
    /// </summary>
    private readonly double[] table;
    private readonly int totalStates;

    private TableTrialLoop(CompiledModel model, int width)
    {
        this.width = width;
        totalStates = model.TotalStates;
        var source = model.Rows;
        var rowsLength = source.Length * (Unsafe.SizeOf<Row>() / sizeof(double));
        var boundsLength = 0;
        foreach (var row in source) boundsLength += row.ContextCount * width;
        table = new double[rowsLength + boundsLength + (model.Outcomes.Length + 1) / 2];
        var rows = MemoryMarshal.Cast<double, Row>(table.AsSpan(0, rowsLength));
        var bounds = table.AsSpan(rowsLength, boundsLength);
        bounds.Fill(double.PositiveInfinity);
        var outcomesStart = 2 * (rowsLength + boundsLength);
        var outcomes = MemoryMarshal.Cast<double, int>(table.AsSpan()).Slice(outcomesStart);
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
                    Bounds = rowsLength + next - model.StateOffset[from.FirstDependencyMachine] * firstScale - model.StateOffset[from.SecondDependencyMachine] * secondScale,
                    FirstMachine = from.FirstDependencyMachine,
                    FirstScale = firstScale,
                    SecondMachine = from.SecondDependencyMachine,
                    SecondScale = secondScale,
                    Outcomes = outcomesStart + from.OutcomeOffset,
                    Draws = moves ? 1 : 0,
                };
                if (from.Kind == RowKind.Table)
                    for (var context = 0; context < from.ContextCount; context++)
                        for (var j = 0; j < from.OutcomeCount - 1; j++)
                            bounds[next + context * width + j] = model.FixedBounds[from.BoundsOffset + context * from.BoundsStride + j];
                next += from.ContextCount * width;
                for (var k = 0; k < from.OutcomeCount; k++)
                {
                    outcomes[from.OutcomeOffset + k] = model.StateOffset[m] + model.Outcomes[from.OutcomeOffset + k].Target;
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
        while (step <= horizon)
        {
            if (draw > UniformBuffer.Length - machineCount)
            {
                uniforms.Next = draw;
                uniforms.RefillKeepingUnread();
                draw = 0;
            }
            var reached = width == 8 && Vector512.IsHardwareAccelerated
                ? (twoDependencies ? Advance<Eight512, Two>(history, machineCount, step, horizon, occupancy, uniforms.Values, ref draw) : Advance<Eight512, One>(history, machineCount, step, horizon, occupancy, uniforms.Values, ref draw))
                : width == 8
                ? (twoDependencies ? Advance<Eight256, Two>(history, machineCount, step, horizon, occupancy, uniforms.Values, ref draw) : Advance<Eight256, One>(history, machineCount, step, horizon, occupancy, uniforms.Values, ref draw))
                : (twoDependencies ? Advance<Four, Two>(history, machineCount, step, horizon, occupancy, uniforms.Values, ref draw) : Advance<Four, One>(history, machineCount, step, horizon, occupancy, uniforms.Values, ref draw));
            if (reached < 0)
            {
                // Step -reached drew nothing: every machine was already in a state it cannot leave after the step
                // before. That step is the last one simulated; the one just taken repeated it, so its occupancy is
                // taken back (except at step 1, which is always simulated).
                var idle = -reached;
                uniforms.Next = draw;
                if (idle == 1) return 1;
                var cells = idle * totalStates;
                for (var m = 0; m < machineCount; m++) occupancy[cells + history[idle * machineCount + m]]--;
                return idle - 1;
            }
            step = reached;
        }
        uniforms.Next = draw;
        return horizon;
    }

    /// <summary>
    /// The innermost loop: moves every machine once per step from <paramref name="step"/> on, for as long as a whole
    /// step's draws are in the buffer. It calls nothing, so the JIT keeps its array bases in registers. Returns the
    /// next step to simulate, or minus a step that drew nothing (every machine was in a state it cannot leave): a
    /// trial is over once that happens, and counting the draws taken costs less than tracking, machine by machine,
    /// whether the state entered can be left.
    /// </summary>
    private int Advance<TWidth, TDependencies>(int[] history, int machineCount, int step, int horizon, long[] occupancy,
        double[] drawBlock, ref int drawIndex)
        where TWidth : struct
        where TDependencies : struct
    {
        ref var boundsBase = ref MemoryMarshal.GetArrayDataReference(table);
        ref var rowBase = ref Unsafe.As<double, Row>(ref boundsBase);
        ref var outcomeBase = ref Unsafe.As<double, int>(ref boundsBase);
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
            var drawsBefore = draw;
            for (nint m = 0; m < machines; m++)
            {
                ref readonly var row = ref Unsafe.Add(ref rowBase, (nint)(uint)Unsafe.Add(ref current, m));
                var at = (nint)row.Bounds + (nint)Unsafe.Add(ref current, (nint)row.FirstMachine) * row.FirstScale;
                if (typeof(TDependencies) == typeof(Two)) at += (nint)Unsafe.Add(ref current, (nint)row.SecondMachine) * row.SecondScale;
                ref var rowBounds = ref Unsafe.Add(ref boundsBase, at);
                nint below;
                if (typeof(TWidth) == typeof(Eight512))
                {
                    below = (nint)ulong.PopCount(Vector512.GreaterThanOrEqual(Vector512.Create(Unsafe.Add(ref draws, draw)), Vector512.LoadUnsafe(ref rowBounds)).ExtractMostSignificantBits());
                }
                else
                {
                    var draw256 = Vector256.Create(Unsafe.Add(ref draws, draw));
                    below = (nint)uint.PopCount(Vector256.GreaterThanOrEqual(draw256, Vector256.LoadUnsafe(ref rowBounds)).ExtractMostSignificantBits());
                    if (typeof(TWidth) == typeof(Eight256))
                        below += (nint)uint.PopCount(Vector256.GreaterThanOrEqual(draw256, Vector256.LoadUnsafe(ref rowBounds, 4)).ExtractMostSignificantBits());
                }
                draw += row.Draws;
                var state = Unsafe.Add(ref outcomeBase, (nint)row.Outcomes + below);
                Unsafe.Add(ref next, m) = state;
                Unsafe.Add(ref cellsOfStep, (nint)(uint)state)++;
            }
            current = ref next;
            if (draw == drawsBefore)
            {
                drawIndex = (int)draw;
                return -step;
            }
        }
        drawIndex = (int)draw;
        return step;
    }

    /// <summary>One state's row, laid out for this loop (32 bytes); its indices are into <see cref="table"/>.</summary>
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

    private struct Four;

    private struct Eight256;

    private struct Eight512;

    private struct One;

    private struct Two;
}
