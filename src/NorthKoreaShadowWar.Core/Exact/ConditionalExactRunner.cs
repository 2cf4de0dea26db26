using System.Diagnostics;
using System.Globalization;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Exact;

/// <summary>
/// Rao-Blackwellised runs: each trial draws the parameters (from the same streams as <c>run</c>), then the chain's
/// outcomes are computed exactly for that draw instead of simulated. The estimates average the exact answers over
/// the draws; their intervals come from how much those answers vary between draws, which is never more and usually
/// much less than the variance of a simulated trial.
/// </summary>
internal static class ConditionalExactRunner
{
    private const int BlockSize = 64;

    /// <summary>Runs <paramref name="settings"/>.Trials parameter draws of <paramref name="model"/>.</summary>
    /// <exception cref="ExactNotPossibleException">The chain cannot be solved exactly; the message says why.</exception>
    /// <exception cref="SimulationException">Some draw makes outgoing probabilities exceed 1.</exception>
    public static ConditionalExactResult Run(CompiledModel model, RunSettings settings)
    {
        ExactSolver.CheckApplicable(model, allowParameterDraws: true);
        var space = new JointStateSpace(model);
        var layout = new DrawLayout(model);
        var trials = settings.Trials;
        var blockCount = (int)((trials + BlockSize - 1) / BlockSize);
        var blocks = new (double[] Sum, double[] SumOfSquares)[blockCount];
        var stopwatch = Stopwatch.StartNew();
        var reference = new double[layout.Length];
        layout.Fill(Solve(model, space, settings.Seed, 0), reference);
        var failure = new FirstFailure();
        ParallelTrials.For(blockCount, settings.Threads, block =>
        {
            var sum = new double[layout.Length];
            var squares = new double[layout.Length];
            var values = new double[layout.Length];
            for (var trial = (long)block * BlockSize; trial < Math.Min(trials, (long)(block + 1) * BlockSize) && !failure.Skips(block); trial++)
            {
                try
                {
                    layout.Fill(Solve(model, space, settings.Seed, trial), values);
                }
                catch (SimulationException e)
                {
                    failure.Record(block, e);
                    return;
                }
                layout.Shift(values, reference);
                for (var k = 0; k < values.Length; k++)
                {
                    sum[k] += values[k];
                    squares[k] += values[k] * values[k];
                }
            }
            blocks[block] = (sum, squares);
        });
        stopwatch.Stop();
        failure.ThrowIfAny();
        var total = new double[layout.Length];
        var totalSquares = new double[layout.Length];
        foreach (var (sum, squares) in blocks)
            for (var k = 0; k < total.Length; k++)
            {
                total[k] += sum[k];
                totalSquares[k] += squares[k];
            }
        var performance = new RunPerformance(settings.Threads, 0, stopwatch.Elapsed.TotalSeconds, Process.GetCurrentProcess().PeakWorkingSet64);
        var result = layout.Results(total, totalSquares, reference, trials, settings.Seed, performance);
        return result with { Result = result.Result with { Correlations = AchievedCorrelations.Measure(model, settings) } };
    }

    /// <summary>The exact distributions of the chain for the parameters of trial <paramref name="trial"/>.</summary>
    private static ExactDistributions Solve(CompiledModel model, JointStateSpace space, ulong seed, long trial)
    {
        var constants = (double[])model.FixedSlots.Clone();
        var stack = new double[Math.Max(1, model.MaxStackDepth)];
        ParameterDraws.Draw(model, seed, trial, constants, new StreamRandom(), stack);
        var bounds = DrawBounds(model, constants, stack, trial);
        return ExactPropagation.Run(model, space, JointTransitions.Build(model, space, bounds), constants);
    }

    /// <summary>The table bounds of every row and context for one draw of the parameters.</summary>
    private static double[] DrawBounds(CompiledModel model, double[] constants, double[] stack, long trial)
    {
        var bounds = (double[])model.FixedBounds.Clone();
        var states = new int[model.MachineCount];
        var effective = new double[Math.Max(1, model.RowTransitions.Length)];
        for (var m = 0; m < model.MachineCount; m++)
            for (var s = 0; s < model.StateCount[m]; s++)
            {
                ref readonly var row = ref model.Rows[model.StateOffset[m] + s];
                if (row.Kind != RowKind.Table || !row.PerTrial) continue;
                for (var context = 0; context < row.ContextCount; context++)
                {
                    var error = TransitionTables.Build(model, m, s, context, constants, bounds, states, stack, effective);
                    if (error is not null) throw new SimulationException(string.Create(CultureInfo.InvariantCulture, $"{error}, for the parameters of trial {trial}"));
                }
            }
        return bounds;
    }
}
