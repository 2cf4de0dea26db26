using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Randomness;

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
        if (!Vector256.IsHardwareAccelerated) return null;
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
        AssertUsedUp(first);
        AssertUsedUp(second);
        var (a0, a1) = first.GeneratorState;
        var (b0, b1) = second.GeneratorState;
        var idle = 0;
        var step = kernel switch
        {
            Kernel.Eight512One => AdvanceTwo<Eight512, One>(history, secondLane, machineCount, horizon, occupancy, secondOccupancy, ref a0, ref a1, ref b0, ref b1, ref idle),
            Kernel.Eight512Two => AdvanceTwo<Eight512, Two>(history, secondLane, machineCount, horizon, occupancy, secondOccupancy, ref a0, ref a1, ref b0, ref b1, ref idle),
            Kernel.Eight256One => AdvanceTwo<Eight256, One>(history, secondLane, machineCount, horizon, occupancy, secondOccupancy, ref a0, ref a1, ref b0, ref b1, ref idle),
            Kernel.Eight256Two => AdvanceTwo<Eight256, Two>(history, secondLane, machineCount, horizon, occupancy, secondOccupancy, ref a0, ref a1, ref b0, ref b1, ref idle),
            Kernel.FourOne => AdvanceTwo<Four, One>(history, secondLane, machineCount, horizon, occupancy, secondOccupancy, ref a0, ref a1, ref b0, ref b1, ref idle),
            _ => AdvanceTwo<Four, Two>(history, secondLane, machineCount, horizon, occupancy, secondOccupancy, ref a0, ref a1, ref b0, ref b1, ref idle),
        };
        first.GeneratorState = (a0, a1);
        second.GeneratorState = (b0, b1);
        if (idle == 0)
        {
            CountRow(history, 0, machineCount, horizon, occupancy);
            CountRow(history, secondLane, machineCount, horizon, secondOccupancy);
            return (horizon, horizon);
        }
        // Both trials simulated step `step`; a trial that drew nothing in it was over the step before.
        var lastFirst = (idle & 1) != 0
            ? Finish(history, 0, machineCount, step, occupancy)
            : Run(history, 0, machineCount, step + 1, horizon, occupancy, first);
        var lastSecond = (idle & 2) != 0
            ? Finish(history, secondLane, machineCount, step, secondOccupancy)
            : Run(history, secondLane, machineCount, step + 1, horizon, secondOccupancy, second);
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
        AssertUsedUp(uniforms);
        var (s0, s1) = uniforms.GeneratorState;
        var reached = kernel switch
        {
            Kernel.Eight512One => Advance<Eight512, One>(history, lane, machineCount, step, horizon, occupancy, ref s0, ref s1),
            Kernel.Eight512Two => Advance<Eight512, Two>(history, lane, machineCount, step, horizon, occupancy, ref s0, ref s1),
            Kernel.Eight256One => Advance<Eight256, One>(history, lane, machineCount, step, horizon, occupancy, ref s0, ref s1),
            Kernel.Eight256Two => Advance<Eight256, Two>(history, lane, machineCount, step, horizon, occupancy, ref s0, ref s1),
            Kernel.FourOne => Advance<Four, One>(history, lane, machineCount, step, horizon, occupancy, ref s0, ref s1),
            _ => Advance<Four, Two>(history, lane, machineCount, step, horizon, occupancy, ref s0, ref s1),
        };
        uniforms.GeneratorState = (s0, s1);
        if (reached < 0) return Finish(history, lane, machineCount, -reached, occupancy);
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
    /// The loop steps the trial's generator itself (<see cref="Move"/>), so it starts with no draw left in the block: the
    /// simulator resets the stream just before, and the loop leaves the block as it found it.
    /// </summary>
    [Conditional("DEBUG")]
    private static void AssertUsedUp(UniformBuffer uniforms) =>
        Debug.Assert(uniforms.Next == UniformBuffer.Length, "the table loop started with draws left in the block");

    /// <summary>
    /// The innermost loop: moves every machine once per step from <paramref name="step"/> on, stepping the trial's
    /// generator (<paramref name="s0"/>, <paramref name="s1"/>) for each row that draws, and counts the states each step
    /// starts from (the states after the step before: their counts' addresses are known early, whereas counting the
    /// states entered would hold back later loads until the end of each machine's chain of loads). It calls nothing, so
    /// the JIT keeps its array bases and the generator in registers. Returns the step after the horizon, or minus a step
    /// that drew nothing (every machine was in a state it cannot leave): a trial is over once that happens, and counting
    /// the draws taken costs less than tracking, machine by machine, whether the state entered can be left.
    /// </summary>
    private int Advance<TWidth, TDependencies>(int[] history, int lane, int machineCount, int step, int horizon, long[] occupancy, ref ulong s0, ref ulong s1)
        where TWidth : struct
        where TDependencies : struct
    {
        AssertTrialFits(history, lane, machineCount, step, horizon, occupancy);
        ref var tableBase = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(table), tableStart);
        var machines = (nint)machineCount;
        ref var current = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(history), lane + (nint)(step - 1) * machines);
        var states = (nint)totalStates;
        ref var cellsBefore = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(occupancy), (nint)(step - 2) * states);
        var (g0, g1) = (s0, s1);
        for (; step <= horizon; step++)
        {
            ref var next = ref Unsafe.Add(ref current, machines);
            cellsBefore = ref Unsafe.Add(ref cellsBefore, states);
            nint drawn = 0;
            for (nint m = 0; m < machines; m++)
                drawn += Move<TWidth, TDependencies>(ref tableBase, ref current, ref next, m, ref g0, ref g1, ref cellsBefore);
            current = ref next;
            if (drawn == 0)
            {
                step = -step;
                break;
            }
        }
        (s0, s1) = (g0, g1);
        return step;
    }

    /// <summary>
    /// <see cref="Advance"/> for two trials side by side (the second at <paramref name="secondLane"/> of the history, with
    /// its own generator): both move every machine once per step. Returns the step after the horizon, or the step in
    /// which one trial or both (<paramref name="idle"/>: 1 the first, 2 the second) drew nothing.
    /// </summary>
    private int AdvanceTwo<TWidth, TDependencies>(int[] history, int secondLane, int machineCount, int horizon, long[] occupancy, long[] secondOccupancy,
        ref ulong a0, ref ulong a1, ref ulong b0, ref ulong b1, ref int idle)
        where TWidth : struct
        where TDependencies : struct
    {
        AssertTrialFits(history, 0, machineCount, 1, horizon, occupancy);
        AssertTrialFits(history, secondLane, machineCount, 1, horizon, secondOccupancy);
        ref var tableBase = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(table), tableStart);
        var machines = (nint)machineCount;
        var lane = (nint)secondLane;
        ref var current = ref MemoryMarshal.GetArrayDataReference(history);
        var states = (nint)totalStates;
        ref var cellsBefore = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(occupancy), -states);
        // The second trial counts in cells of its own, as an offset from the first's (one register less): both trials'
        // machines are often in the same states, and counts of one cell from both, a few instructions apart, would
        // make the processor's speculative loads of the cell fail.
        var secondCells = Unsafe.ByteOffset(ref MemoryMarshal.GetArrayDataReference(occupancy), ref MemoryMarshal.GetArrayDataReference(secondOccupancy)) / sizeof(long);
        var (f0, f1, g0, g1) = (a0, a1, b0, b1);
        var step = 1;
        for (; step <= horizon; step++)
        {
            ref var next = ref Unsafe.Add(ref current, machines);
            ref var secondCurrent = ref Unsafe.Add(ref current, lane);
            ref var secondNext = ref Unsafe.Add(ref next, lane);
            cellsBefore = ref Unsafe.Add(ref cellsBefore, states);
            nint firstDrawn = 0, secondDrawn = 0;
            for (nint m = 0; m < machines; m++)
            {
                firstDrawn += Move<TWidth, TDependencies>(ref tableBase, ref current, ref next, m, ref f0, ref f1, ref cellsBefore);
                secondDrawn += Move<TWidth, TDependencies>(ref tableBase, ref secondCurrent, ref secondNext, m, ref g0, ref g1, ref Unsafe.Add(ref cellsBefore, secondCells));
            }
            current = ref next;
            var over = (firstDrawn == 0 ? 1 : 0) | (secondDrawn == 0 ? 2 : 0);
            if (over != 0)
            {
                idle = over;
                break;
            }
        }
        (a0, a1, b0, b1) = (f0, f1, g0, g1);
        return step;
    }

    /// <summary>
    /// Debug builds only: the unchecked reads and writes of one trial's loop stay inside its arrays. The states of
    /// steps <paramref name="step"/> - 1 to <paramref name="horizon"/> fit in <paramref name="history"/> at
    /// <paramref name="lane"/>, their counts in <paramref name="occupancy"/>, and each state read is a row of the table.
    /// </summary>
    [Conditional("DEBUG")]
    private void AssertTrialFits(int[] history, int lane, int machineCount, int step, int horizon, long[] occupancy)
    {
        Debug.Assert(step >= 1 && lane >= 0 && lane + (long)(horizon + 1) * machineCount <= history.Length, "a trial's states lie outside its history");
        Debug.Assert((long)(horizon + 1) * totalStates <= occupancy.Length, "a trial's occupancy counts lie outside their array");
        for (var m = 0; m < machineCount; m++)
        {
            var state = history[lane + (step - 1) * machineCount + m];
            Debug.Assert(state >= 0 && state < totalStates, "a trial starts a step from a state that has no row");
        }
    }

    /// <summary>
    /// Moves machine <paramref name="m"/> one step: its row and context give the bounds, the next draw of the trial's
    /// generator (<paramref name="s0"/>, <paramref name="s1"/>: <see cref="Xoroshiro128StarStar.NextDouble"/>'s
    /// operations, the generator stepped only if the row draws, without a branch) picks the outcome by counting the
    /// bounds at or below it (as in the general loop: see <see cref="CumulativeBounds"/>; here every row has the same
    /// width), and the state entered is written to <paramref name="next"/>; the state left is counted in
    /// <paramref name="cells"/>. Returns the draws taken: 1, or 0 for a state it cannot leave.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint Move<TWidth, TDependencies>(ref double tableBase, ref int current, ref int next, nint m, ref ulong s0, ref ulong s1, ref long cells)
        where TWidth : struct
        where TDependencies : struct
    {
        var state = (nint)(uint)Unsafe.Add(ref current, m);
        Unsafe.Add(ref cells, state) = Unsafe.Add(ref cells, state) + 1;
        ref readonly var row = ref Unsafe.Add(ref Unsafe.As<double, Row>(ref tableBase), state);
        var (x0, x1) = (s0, s1);
        var output = BitOperations.RotateLeft(x0 * 5, 7) * 9;
        var mixed = x1 ^ x0;
        var draws = row.Draws != 0;
        s0 = draws ? BitOperations.RotateLeft(x0, 24) ^ mixed ^ (mixed << 16) : x0;
        s1 = draws ? BitOperations.RotateLeft(mixed, 37) : x1;
        var u = (long)(output >> 11) * Xoroshiro128StarStar.Scale;
        // Where every row reads one machine at most, its scale is the width of a row's bounds: a constant here.
        var scale = typeof(TDependencies) == typeof(One) ? (typeof(TWidth) == typeof(Four) ? 4 : 8) : (nint)row.FirstScale;
        var at = (nint)row.Bounds + (nint)Unsafe.Add(ref current, (nint)row.FirstMachine) * scale;
        if (typeof(TDependencies) == typeof(Two)) at += (nint)Unsafe.Add(ref current, (nint)row.SecondMachine) * row.SecondScale;
        ref var rowBounds = ref Unsafe.Add(ref tableBase, at);
        nint below;
        if (typeof(TWidth) == typeof(Eight512))
        {
            below = CumulativeBounds.CountEight(Vector512.Create(u), ref rowBounds);
        }
        else
        {
            var draw256 = Vector256.Create(u);
            below = CumulativeBounds.CountFour(draw256, ref rowBounds);
            if (typeof(TWidth) == typeof(Eight256))
                below += CumulativeBounds.CountFour(draw256, ref Unsafe.Add(ref rowBounds, 4));
        }
        Unsafe.Add(ref next, m) = Unsafe.Add(ref Unsafe.As<double, int>(ref tableBase), (nint)row.Outcomes + below);
        return row.Draws;
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
