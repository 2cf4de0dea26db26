using System.Diagnostics;
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
/// itself only moves machines and counts occupancy (of the state each step starts from, whose address is known early),
/// one trial or two side by side, over tables laid out for it once per model:
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
    /// <summary>The kernel for this model's bounds width and dependencies, chosen once (see <see cref="ChooseKernel"/>).</summary>
    private readonly Kernel kernel;
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
        var twoDependencies = false;
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
                var readsNone = !moves || from.DependencyCount == 0;
                // A row that reads no other machine reads its own, whose state is this row's (index): its one context
                // is then found as any other row's, from a machine read times the width (see Move).
                var firstMachine = readsNone ? m : from.FirstDependencyMachine;
                var firstScale = readsNone ? width : from.FirstDependencyStride * width;
                var secondScale = moves ? from.SecondDependencyStride * width : 0;
                Debug.Assert(from.DependencyCount > 1 || firstScale == width, "a row that reads one machine at most has the width as its scale");
                rows[index] = new Row
                {
                    // The loop reads states numbered over all machines; the offsets of the machines read cancel here.
                    Bounds = rowsLength + next - (readsNone ? index : model.StateOffset[firstMachine]) * firstScale - model.StateOffset[from.SecondDependencyMachine] * secondScale,
                    FirstMachine = firstMachine,
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
        kernel = ChooseKernel(width, twoDependencies);
    }

    /// <summary>
    /// The kernel for rows of <paramref name="width"/> bounds that read one other machine or two: eight bounds are
    /// compared in one 512-bit vector where the processor has them, else in two of 256 bits.
    /// </summary>
    private static Kernel ChooseKernel(int width, bool twoDependencies) => (width, twoDependencies) switch
    {
        (8, false) when Vector512.IsHardwareAccelerated => Kernel.Eight512One,
        (8, true) when Vector512.IsHardwareAccelerated => Kernel.Eight512Two,
        (8, false) => Kernel.Eight256One,
        (8, true) => Kernel.Eight256Two,
        (_, false) => Kernel.FourOne,
        (_, true) => Kernel.FourTwo,
    };

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
    /// Simulates two trials at once, step by step side by side, so that their chains of loads from one step to the
    /// next overlap: the first from <paramref name="history"/>'s start with <paramref name="first"/>'s draws, the second
    /// from <paramref name="secondLane"/> with <paramref name="second"/>'s. Each trial reads only its own draws, so each
    /// gives exactly what <see cref="Run"/> gives it alone. When one trial is over, the other goes on alone. Counts
    /// the occupancy of both from step 0, the second's in <paramref name="secondOccupancy"/>; returns the last step
    /// simulated of each.
    /// </summary>
    public (int First, int Second) RunTwo(int[] history, int secondLane, int machineCount, int horizon, long[] occupancy, long[] secondOccupancy,
        UniformBuffer first, UniformBuffer second)
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
            step = kernel switch
            {
                Kernel.Eight512One => AdvanceTwo<Eight512, One>(history, secondLane, machineCount, step, horizon, occupancy, secondOccupancy, first.Values, ref drawFirst, second.Values, ref drawSecond, ref idle),
                Kernel.Eight512Two => AdvanceTwo<Eight512, Two>(history, secondLane, machineCount, step, horizon, occupancy, secondOccupancy, first.Values, ref drawFirst, second.Values, ref drawSecond, ref idle),
                Kernel.Eight256One => AdvanceTwo<Eight256, One>(history, secondLane, machineCount, step, horizon, occupancy, secondOccupancy, first.Values, ref drawFirst, second.Values, ref drawSecond, ref idle),
                Kernel.Eight256Two => AdvanceTwo<Eight256, Two>(history, secondLane, machineCount, step, horizon, occupancy, secondOccupancy, first.Values, ref drawFirst, second.Values, ref drawSecond, ref idle),
                Kernel.FourOne => AdvanceTwo<Four, One>(history, secondLane, machineCount, step, horizon, occupancy, secondOccupancy, first.Values, ref drawFirst, second.Values, ref drawSecond, ref idle),
                _ => AdvanceTwo<Four, Two>(history, secondLane, machineCount, step, horizon, occupancy, secondOccupancy, first.Values, ref drawFirst, second.Values, ref drawSecond, ref idle),
            };
            if (idle != 0)
            {
                // Both trials simulated step `step`; a trial that drew nothing in it was over the step before.
                first.Next = drawFirst;
                second.Next = drawSecond;
                lastFirst = (idle & 1) != 0
                    ? Finish(history, 0, machineCount, step, occupancy)
                    : Run(history, 0, machineCount, step + 1, horizon, occupancy, first);
                lastSecond = (idle & 2) != 0
                    ? Finish(history, secondLane, machineCount, step, secondOccupancy)
                    : Run(history, secondLane, machineCount, step + 1, horizon, secondOccupancy, second);
                return (lastFirst, lastSecond);
            }
        }
        first.Next = drawFirst;
        second.Next = drawSecond;
        CountRow(history, 0, machineCount, horizon, occupancy);
        CountRow(history, secondLane, machineCount, horizon, secondOccupancy);
        return (lastFirst, lastSecond);
    }

    /// <summary>
    /// Simulates one trial from step <paramref name="step"/> on. The states after step t are at
    /// <c>lane + t * machineCount</c> in <paramref name="history"/> (each numbered over all machines:
    /// <c>stateOffset[m] + s</c>); row <paramref name="step"/> - 1 holds the states to start from. Stops after the
    /// horizon, or after the first step that leaves every machine in a state it cannot leave. Counts the occupancy of
    /// steps <paramref name="step"/> - 1 to the last at <c>t * totalStates + state</c>. Returns the last step simulated.
    /// </summary>
    public int Run(int[] history, int lane, int machineCount, int step, int horizon, long[] occupancy, UniformBuffer uniforms)
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
            var reached = kernel switch
            {
                Kernel.Eight512One => Advance<Eight512, One>(history, lane, machineCount, step, horizon, occupancy, values, ref draw),
                Kernel.Eight512Two => Advance<Eight512, Two>(history, lane, machineCount, step, horizon, occupancy, values, ref draw),
                Kernel.Eight256One => Advance<Eight256, One>(history, lane, machineCount, step, horizon, occupancy, values, ref draw),
                Kernel.Eight256Two => Advance<Eight256, Two>(history, lane, machineCount, step, horizon, occupancy, values, ref draw),
                Kernel.FourOne => Advance<Four, One>(history, lane, machineCount, step, horizon, occupancy, values, ref draw),
                _ => Advance<Four, Two>(history, lane, machineCount, step, horizon, occupancy, values, ref draw),
            };
            if (reached < 0)
            {
                uniforms.Next = draw;
                return Finish(history, lane, machineCount, -reached, occupancy);
            }
            step = reached;
        }
        uniforms.Next = draw;
        CountRow(history, lane, machineCount, horizon, occupancy);
        return horizon;
    }

    /// <summary>
    /// Step <paramref name="idle"/> drew nothing: every machine was already in a state it cannot leave after the step
    /// before, which is then the last one simulated (step 1 is always simulated). The loop has counted the states up to
    /// that step; the states after step 1 are counted here when it is the last. Returns the last step simulated.
    /// </summary>
    private int Finish(int[] history, int lane, int machineCount, int idle, long[] occupancy)
    {
        if (idle > 1) return idle - 1;
        CountRow(history, lane, machineCount, 1, occupancy);
        return 1;
    }

    /// <summary>Counts the states after step <paramref name="step"/>, which the loop counts only when it simulates the step after.</summary>
    private void CountRow(int[] history, int lane, int machineCount, int step, long[] occupancy)
    {
        for (var m = 0; m < machineCount; m++) occupancy[step * totalStates + history[lane + step * machineCount + m]]++;
    }

    /// <summary>
    /// The innermost loop: moves every machine once per step from <paramref name="step"/> on, for as long as a whole
    /// step's draws are in the buffer, and counts the states each step starts from (the states after the step before:
    /// their counts' addresses are known early, whereas counting the states entered would hold back later loads until
    /// the end of each machine's chain of loads). It calls nothing, so the JIT keeps its array bases in registers. Returns the
    /// next step to simulate, or minus a step that drew nothing (every machine was in a state it cannot leave): a
    /// trial is over once that happens, and counting the draws taken costs less than tracking, machine by machine,
    /// whether the state entered can be left.
    /// </summary>
    private int Advance<TWidth, TDependencies>(int[] history, int lane, int machineCount, int step, int horizon, long[] occupancy, double[] drawBlock, ref int drawIndex)
        where TWidth : struct
        where TDependencies : struct
    {
        AssertTrialFits(history, lane, machineCount, step, horizon, occupancy, drawBlock, drawIndex);
        ref var tableBase = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(table), tableStart);
        var machines = (nint)machineCount;
        ref var current = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(history), lane + (nint)(step - 1) * machines);
        var states = (nint)totalStates;
        ref var cellsBefore = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(occupancy), (nint)(step - 2) * states);
        ref var draws = ref MemoryMarshal.GetArrayDataReference(drawBlock);
        var draw = (nint)drawIndex;
        var lastDraw = (nint)(UniformBuffer.Length - machineCount);
        for (; step <= horizon && draw <= lastDraw; step++)
        {
            ref var next = ref Unsafe.Add(ref current, machines);
            cellsBefore = ref Unsafe.Add(ref cellsBefore, states);
            var drawsBefore = draw;
            for (nint m = 0; m < machines; m++)
                draw = Move<TWidth, TDependencies>(ref tableBase, ref current, ref next, m, ref draws, draw, ref cellsBefore);
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
        long[] occupancy, long[] secondOccupancy, double[] firstDrawBlock, ref int firstDrawIndex, double[] secondDrawBlock, ref int secondDrawIndex, ref int idle)
        where TWidth : struct
        where TDependencies : struct
    {
        AssertTrialFits(history, 0, machineCount, step, horizon, occupancy, firstDrawBlock, firstDrawIndex);
        AssertTrialFits(history, secondLane, machineCount, step, horizon, secondOccupancy, secondDrawBlock, secondDrawIndex);
        ref var tableBase = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(table), tableStart);
        var machines = (nint)machineCount;
        var lane = (nint)secondLane;
        ref var current = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(history), (nint)(step - 1) * machines);
        var states = (nint)totalStates;
        ref var cellsBefore = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(occupancy), (nint)(step - 2) * states);
        // The second trial counts in cells of its own, as an offset from the first's (one register less): both trials'
        // machines are often in the same states, and counts of one cell from both, a few instructions apart, would
        // make the processor's speculative loads of the cell fail.
        var secondCells = Unsafe.ByteOffset(ref MemoryMarshal.GetArrayDataReference(occupancy), ref MemoryMarshal.GetArrayDataReference(secondOccupancy)) / sizeof(long);
        ref var firstDraws = ref MemoryMarshal.GetArrayDataReference(firstDrawBlock);
        // The second trial's draws are read through the first's base too, at an offset: one register less.
        var secondDrawsAt = Unsafe.ByteOffset(ref firstDraws, ref MemoryMarshal.GetArrayDataReference(secondDrawBlock)) / sizeof(double);
        var firstDraw = (nint)firstDrawIndex;
        var secondDraw = secondDrawsAt + secondDrawIndex;
        var lastDraw = (nint)(UniformBuffer.Length - machineCount);
        var secondLastDraw = secondDrawsAt + lastDraw;
        for (; step <= horizon && firstDraw <= lastDraw && secondDraw <= secondLastDraw; step++)
        {
            ref var next = ref Unsafe.Add(ref current, machines);
            ref var secondCurrent = ref Unsafe.Add(ref current, lane);
            ref var secondNext = ref Unsafe.Add(ref next, lane);
            cellsBefore = ref Unsafe.Add(ref cellsBefore, states);
            var firstBefore = firstDraw;
            var secondBefore = secondDraw;
            for (nint m = 0; m < machines; m++)
            {
                firstDraw = Move<TWidth, TDependencies>(ref tableBase, ref current, ref next, m, ref firstDraws, firstDraw, ref cellsBefore);
                secondDraw = Move<TWidth, TDependencies>(ref tableBase, ref secondCurrent, ref secondNext, m, ref firstDraws, secondDraw, ref Unsafe.Add(ref cellsBefore, secondCells));
            }
            current = ref next;
            var over = (firstDraw == firstBefore ? 1 : 0) | (secondDraw == secondBefore ? 2 : 0);
            if (over != 0)
            {
                idle = over;
                break;
            }
        }
        secondDraw -= secondDrawsAt;
        firstDrawIndex = (int)firstDraw;
        secondDrawIndex = (int)secondDraw;
        return step;
    }

    /// <summary>
    /// Debug builds only: the unchecked reads and writes of one trial's loop stay inside its arrays. The states of
    /// steps <paramref name="step"/> - 1 to <paramref name="horizon"/> fit in <paramref name="history"/> at
    /// <paramref name="lane"/>, their counts in <paramref name="occupancy"/>, each state read is a row of the table,
    /// and the draws come from a whole buffer.
    /// </summary>
    [Conditional("DEBUG")]
    private void AssertTrialFits(int[] history, int lane, int machineCount, int step, int horizon, long[] occupancy, double[] drawBlock, int drawIndex)
    {
        Debug.Assert(step >= 1 && lane >= 0 && lane + (long)(horizon + 1) * machineCount <= history.Length, "a trial's states lie outside its history");
        Debug.Assert((long)(horizon + 1) * totalStates <= occupancy.Length, "a trial's occupancy counts lie outside their array");
        Debug.Assert(drawBlock.Length == UniformBuffer.Length && drawIndex >= 0 && drawIndex <= UniformBuffer.Length, "a trial's draws lie outside their buffer");
        for (var m = 0; m < machineCount; m++)
        {
            var state = history[lane + (step - 1) * machineCount + m];
            Debug.Assert(state >= 0 && state < totalStates, "a trial starts a step from a state that has no row");
        }
    }

    /// <summary>
    /// Moves machine <paramref name="m"/> one step: its row and context give the bounds, the draw at
    /// <paramref name="draw"/> (if the row draws) picks the outcome by counting the bounds at or below it (as in the
    /// general loop: see <see cref="CumulativeBounds"/>; here every row has the same width), and the state
    /// entered is written to <paramref name="next"/>; the state left is counted in <paramref name="cells"/>. Returns the
    /// next draw.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint Move<TWidth, TDependencies>(ref double tableBase, ref int current, ref int next, nint m, ref double draws, nint draw, ref long cells)
        where TWidth : struct
        where TDependencies : struct
    {
        var state = (nint)(uint)Unsafe.Add(ref current, m);
        Unsafe.Add(ref cells, state) = Unsafe.Add(ref cells, state) + 1;
        ref readonly var row = ref Unsafe.Add(ref Unsafe.As<double, Row>(ref tableBase), state);
        // Where every row reads one machine at most, its scale is the width of a row's bounds: a constant here.
        var scale = typeof(TDependencies) == typeof(One) ? (typeof(TWidth) == typeof(Four) ? 4 : 8) : (nint)row.FirstScale;
        var at = (nint)row.Bounds + (nint)Unsafe.Add(ref current, (nint)row.FirstMachine) * scale;
        if (typeof(TDependencies) == typeof(Two)) at += (nint)Unsafe.Add(ref current, (nint)row.SecondMachine) * row.SecondScale;
        ref var rowBounds = ref Unsafe.Add(ref tableBase, at);
        nint below;
        if (typeof(TWidth) == typeof(Eight512))
        {
            below = CumulativeBounds.CountEight(Vector512.Create(Unsafe.Add(ref draws, draw)), ref rowBounds);
        }
        else
        {
            var draw256 = Vector256.Create(Unsafe.Add(ref draws, draw));
            below = CumulativeBounds.CountFour(draw256, ref rowBounds);
            if (typeof(TWidth) == typeof(Eight256))
                below += CumulativeBounds.CountFour(draw256, ref Unsafe.Add(ref rowBounds, 4));
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

    /// <summary>
    /// The six instantiations of the innermost loop: bounds compared four at a time, eight in two 256-bit vectors or
    /// eight in one 512-bit vector; rows reading at most one other machine, or two.
    /// </summary>
    private enum Kernel
    {
        FourOne,
        FourTwo,
        Eight256One,
        Eight256Two,
        Eight512One,
        Eight512Two,
    }

    private struct Four;

    private struct Eight256;

    private struct Eight512;

    private struct One;

    private struct Two;
}
