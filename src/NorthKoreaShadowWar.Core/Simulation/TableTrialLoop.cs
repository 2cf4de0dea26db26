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
    /// <summary>Where the block starts in <see cref="table"/>: the first element on a cache line.</summary>
    private readonly int tableStart;
    private const int LineBytes = 64;
    private const int LineDoubles = LineBytes / sizeof(double);
    private readonly int totalStates;

    private TableTrialLoop(CompiledModel model, int width)
    {
        this.width = width;
        totalStates = model.TotalStates;
        var source = model.Rows;
        // Rows padded to whole cache lines, so that every row's bounds start on a line of their own.
        var rowsLength = (source.Length * (Unsafe.SizeOf<Row>() / sizeof(double)) + LineDoubles - 1) / LineDoubles * LineDoubles;
        var boundsLength = 0;
        foreach (var row in source) boundsLength += row.ContextCount * width;
        // Pinned, so that the block never moves and its start can be aligned to a cache line: a vector of bounds that
        // straddled two lines would cost two loads.
        var length = rowsLength + boundsLength + (model.Outcomes.Length + 1) / 2;
        table = GC.AllocateArray<double>(length + LineDoubles, pinned: true);
        unsafe
        {
            tableStart = (int)((LineBytes - (nuint)Unsafe.AsPointer(ref table[0]) % LineBytes) % LineBytes / sizeof(double));
        }
        var block = table.AsSpan(tableStart, length);
        var rows = MemoryMarshal.Cast<double, Row>(block[..rowsLength]);
        var bounds = block.Slice(rowsLength, boundsLength);
        bounds.Fill(double.PositiveInfinity);
        var outcomesStart = 2 * (rowsLength + boundsLength);
        var outcomes = MemoryMarshal.Cast<double, int>(block).Slice(outcomesStart);
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
    /// Simulates one trial from step <paramref name="step"/> on. The states after step t are at
    /// <c>lane + t * machineCount</c> in <paramref name="history"/> (each numbered over all machines:
    /// <c>stateOffset[m] + s</c>); row <paramref name="step"/> - 1 holds the states to start from. Stops after the
    /// horizon, or after the first step that leaves every machine in a state it cannot leave; then counts the occupancy
    /// of steps <paramref name="step"/> to the last at <c>t * totalStates + state</c>. Returns the last step simulated.
    /// </summary>
    public int Run(int[] history, int lane, int machineCount, int step, int horizon, long[] occupancy, UniformBuffer uniforms)
    {
        var last = Simulate(history, lane, machineCount, step, horizon, uniforms);
        CountOccupancy(history, lane, machineCount, step, last, occupancy);
        return last;
    }

    /// <summary>
    /// Simulates two trials at once, step by step side by side, so that their chains of loads from one step to the
    /// next overlap: the first from <paramref name="history"/>'s start with <paramref name="first"/>'s draws, the second
    /// from <paramref name="secondLane"/> with <paramref name="second"/>'s. Each trial reads only its own draws, so each
    /// gives exactly what <see cref="Run"/> gives it alone. When one trial is over, the other goes on alone. Counts
    /// the occupancy of both; returns the last step simulated of each.
    /// </summary>
    public (int First, int Second) RunTwo(int[] history, int secondLane, int machineCount, int horizon, long[] occupancy, UniformBuffer first, UniformBuffer second)
    {
        var drawFirst = first.Next;
        var drawSecond = second.Next;
        var step = 1;
        int lastFirst = horizon, lastSecond = horizon;
        while (step <= horizon)
        {
            if (drawFirst > UniformBuffer.Length - machineCount)
            {
                first.Next = drawFirst;
                first.RefillKeepingUnread();
                drawFirst = 0;
            }
            if (drawSecond > UniformBuffer.Length - machineCount)
            {
                second.Next = drawSecond;
                second.RefillKeepingUnread();
                drawSecond = 0;
            }
            var idle = 0;
            step = width == 8 && Vector512.IsHardwareAccelerated
                ? (twoDependencies ? AdvanceTwo<Eight512, Two>(history, secondLane, machineCount, step, horizon, first.Values, ref drawFirst, second.Values, ref drawSecond, ref idle) : AdvanceTwo<Eight512, One>(history, secondLane, machineCount, step, horizon, first.Values, ref drawFirst, second.Values, ref drawSecond, ref idle))
                : width == 8
                ? (twoDependencies ? AdvanceTwo<Eight256, Two>(history, secondLane, machineCount, step, horizon, first.Values, ref drawFirst, second.Values, ref drawSecond, ref idle) : AdvanceTwo<Eight256, One>(history, secondLane, machineCount, step, horizon, first.Values, ref drawFirst, second.Values, ref drawSecond, ref idle))
                : (twoDependencies ? AdvanceTwo<Four, Two>(history, secondLane, machineCount, step, horizon, first.Values, ref drawFirst, second.Values, ref drawSecond, ref idle) : AdvanceTwo<Four, One>(history, secondLane, machineCount, step, horizon, first.Values, ref drawFirst, second.Values, ref drawSecond, ref idle));
            if (idle != 0)
            {
                // Both trials simulated step `step`; a trial that drew nothing in it was over the step before.
                first.Next = drawFirst;
                second.Next = drawSecond;
                lastFirst = (idle & 1) != 0 ? LastOf(step) : Simulate(history, 0, machineCount, step + 1, horizon, first);
                lastSecond = (idle & 2) != 0 ? LastOf(step) : Simulate(history, secondLane, machineCount, step + 1, horizon, second);
                break;
            }
        }
        first.Next = drawFirst;
        second.Next = drawSecond;
        CountOccupancy(history, 0, machineCount, 1, lastFirst, occupancy);
        CountOccupancy(history, secondLane, machineCount, 1, lastSecond, occupancy);
        return (lastFirst, lastSecond);
    }

    /// <summary>
    /// Moves the machines of one trial from step <paramref name="step"/> on, refilling its draws as needed (see
    /// <see cref="Run"/>). Returns the last step simulated.
    /// </summary>
    private int Simulate(int[] history, int lane, int machineCount, int step, int horizon, UniformBuffer uniforms)
    {
        var draw = uniforms.Next;
        while (step <= horizon)
        {
            if (draw > UniformBuffer.Length - machineCount)
            {
                uniforms.Next = draw;
                uniforms.RefillKeepingUnread();
                draw = 0;
            }
            var values = uniforms.Values;
            var reached = width == 8 && Vector512.IsHardwareAccelerated
                ? (twoDependencies ? Advance<Eight512, Two>(history, lane, machineCount, step, horizon, values, ref draw) : Advance<Eight512, One>(history, lane, machineCount, step, horizon, values, ref draw))
                : width == 8
                ? (twoDependencies ? Advance<Eight256, Two>(history, lane, machineCount, step, horizon, values, ref draw) : Advance<Eight256, One>(history, lane, machineCount, step, horizon, values, ref draw))
                : (twoDependencies ? Advance<Four, Two>(history, lane, machineCount, step, horizon, values, ref draw) : Advance<Four, One>(history, lane, machineCount, step, horizon, values, ref draw));
            if (reached < 0)
            {
                uniforms.Next = draw;
                return LastOf(-reached);
            }
            step = reached;
        }
        uniforms.Next = draw;
        return horizon;
    }

    /// <summary>
    /// Step <paramref name="idle"/> drew nothing: every machine was already in a state it cannot leave after the step
    /// before, which is then the last one simulated (step 1 is always simulated).
    /// </summary>
    private static int LastOf(int idle) => Math.Max(1, idle - 1);

    /// <summary>
    /// Counts the states after steps <paramref name="from"/> to <paramref name="last"/> of one trial. It is done after the
    /// trial rather than in the loop: a count's address is known only at the end of a machine's chain of loads, and
    /// the processor holds back later loads until the addresses of earlier stores are known, which made the machines
    /// of a step, and two trials side by side, wait for each other.
    /// </summary>
    private void CountOccupancy(int[] history, int lane, int machineCount, int from, int last, long[] occupancy)
    {
        ref var cells = ref MemoryMarshal.GetArrayDataReference(occupancy);
        ref var states = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(history), lane);
        var machines = (nint)machineCount;
        for (nint step = from; step <= last; step++)
        {
            ref var row = ref Unsafe.Add(ref states, step * machines);
            ref var cellsOfStep = ref Unsafe.Add(ref cells, step * totalStates);
            for (nint m = 0; m < machines; m++) Unsafe.Add(ref cellsOfStep, (nint)(uint)Unsafe.Add(ref row, m))++;
        }
    }

    /// <summary>
    /// The innermost loop: moves every machine once per step from <paramref name="step"/> on, for as long as a whole
    /// step's draws are in the buffer. It calls nothing, so the JIT keeps its array bases in registers. Returns the
    /// next step to simulate, or minus a step that drew nothing (every machine was in a state it cannot leave): a
    /// trial is over once that happens, and counting the draws taken costs less than tracking, machine by machine,
    /// whether the state entered can be left.
    /// </summary>
    private int Advance<TWidth, TDependencies>(int[] history, int lane, int machineCount, int step, int horizon, double[] drawBlock, ref int drawIndex)
        where TWidth : struct
        where TDependencies : struct
    {
        ref var tableBase = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(table), tableStart);
        var machines = (nint)machineCount;
        ref var current = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(history), lane + (nint)(step - 1) * machines);
        ref var draws = ref MemoryMarshal.GetArrayDataReference(drawBlock);
        var draw = (nint)drawIndex;
        var lastDraw = (nint)(UniformBuffer.Length - machineCount);
        for (; step <= horizon && draw <= lastDraw; step++)
        {
            ref var next = ref Unsafe.Add(ref current, machines);
            var drawsBefore = draw;
            for (nint m = 0; m < machines; m++)
                draw = Move<TWidth, TDependencies>(ref tableBase, ref current, ref next, m, ref draws, draw);
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

    /// <summary>
    /// <see cref="Advance"/> for two trials side by side (the second at <paramref name="secondLane"/> of the history):
    /// both move every machine once per step, for as long as both have a whole step's draws. Returns the next step to
    /// simulate, or the step in which one trial or both (<paramref name="idle"/>: 1 the first, 2 the second) drew nothing.
    /// </summary>
    private int AdvanceTwo<TWidth, TDependencies>(int[] history, int secondLane, int machineCount, int step, int horizon,
        double[] firstDrawBlock, ref int firstDrawIndex, double[] secondDrawBlock, ref int secondDrawIndex, ref int idle)
        where TWidth : struct
        where TDependencies : struct
    {
        ref var tableBase = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(table), tableStart);
        var machines = (nint)machineCount;
        var lane = (nint)secondLane;
        ref var current = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(history), (nint)(step - 1) * machines);
        ref var firstDraws = ref MemoryMarshal.GetArrayDataReference(firstDrawBlock);
        ref var secondDraws = ref MemoryMarshal.GetArrayDataReference(secondDrawBlock);
        var firstDraw = (nint)firstDrawIndex;
        var secondDraw = (nint)secondDrawIndex;
        var lastDraw = (nint)(UniformBuffer.Length - machineCount);
        for (; step <= horizon && firstDraw <= lastDraw && secondDraw <= lastDraw; step++)
        {
            ref var next = ref Unsafe.Add(ref current, machines);
            ref var secondCurrent = ref Unsafe.Add(ref current, lane);
            ref var secondNext = ref Unsafe.Add(ref next, lane);
            var firstBefore = firstDraw;
            var secondBefore = secondDraw;
            for (nint m = 0; m < machines; m++)
            {
                firstDraw = Move<TWidth, TDependencies>(ref tableBase, ref current, ref next, m, ref firstDraws, firstDraw);
                secondDraw = Move<TWidth, TDependencies>(ref tableBase, ref secondCurrent, ref secondNext, m, ref secondDraws, secondDraw);
            }
            current = ref next;
            var over = (firstDraw == firstBefore ? 1 : 0) | (secondDraw == secondBefore ? 2 : 0);
            if (over != 0)
            {
                idle = over;
                break;
            }
        }
        firstDrawIndex = (int)firstDraw;
        secondDrawIndex = (int)secondDraw;
        return step;
    }

    /// <summary>
    /// Moves machine <paramref name="m"/> one step: its row and context give the bounds, the draw at
    /// <paramref name="draw"/> (if the row draws) picks the outcome by counting the bounds at or below it, and the state
    /// entered is written to <paramref name="next"/>. Returns the next draw.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint Move<TWidth, TDependencies>(ref double tableBase, ref int current, ref int next, nint m, ref double draws, nint draw)
        where TWidth : struct
        where TDependencies : struct
    {
        ref readonly var row = ref Unsafe.Add(ref Unsafe.As<double, Row>(ref tableBase), (nint)(uint)Unsafe.Add(ref current, m));
        var at = (nint)row.Bounds + (nint)Unsafe.Add(ref current, (nint)row.FirstMachine) * row.FirstScale;
        if (typeof(TDependencies) == typeof(Two)) at += (nint)Unsafe.Add(ref current, (nint)row.SecondMachine) * row.SecondScale;
        ref var rowBounds = ref Unsafe.Add(ref tableBase, at);
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
        Unsafe.Add(ref next, m) = Unsafe.Add(ref Unsafe.As<double, int>(ref tableBase), (nint)row.Outcomes + below);
        return draw + row.Draws;
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
