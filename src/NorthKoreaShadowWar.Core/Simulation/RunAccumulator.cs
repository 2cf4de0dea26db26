using System.Diagnostics;
using System.Globalization;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// Gathers one model's results over a range of trials run by several workers: each worker runs trials with its
/// own <see cref="Worker"/>, and <see cref="Merge"/> adds a finished worker in. Integer counts add in any order;
/// value moments are kept per block and merged in block order, so the numbers do not depend on the threads.
/// </summary>
internal sealed class RunAccumulator
{
    private readonly RunSettings settings;
    private readonly RunningMoments[][] blockMoments;
    private readonly TrialTallies totals;
    private readonly QuantileSketch[] sketches;

    public RunAccumulator(CompiledModel model, RunSettings settings)
    {
        Model = model;
        this.settings = settings;
        var blockCount = BlockCount(settings.Trials);
        blockMoments = model.ValuePrograms.Select(_ => new RunningMoments[blockCount]).ToArray();
        totals = new TrialTallies(model);
        sketches = model.ValuePrograms.Select(_ => new QuantileSketch()).ToArray();
    }

    public CompiledModel Model { get; }

    /// <summary>The number of blocks of <see cref="RunSettings.BlockSize"/> trials in a run of <paramref name="trials"/>.</summary>
    public static int BlockCount(long trials) => (int)((trials + RunSettings.BlockSize - 1) / RunSettings.BlockSize);

    public Worker CreateWorker() => new(this);

    public void Merge(Worker worker)
    {
        lock (totals)
        {
            totals.Add(worker.Simulator.Tallies);
            for (var v = 0; v < sketches.Length; v++) sketches[v].Add(worker.Sketches[v]);
        }
    }

    public SimulationResult Finish(TimeSpan simulateTime, int threads) =>
        Result(blockMoments, settings with { Threads = threads }, trialsRequested: null, simulateTime);

    /// <summary>
    /// The result of a run stopped after its first <paramref name="blocks"/> whole blocks (every trial run belongs to
    /// them): the same numbers as a run of just those trials, marked with the trials that were asked for.
    /// </summary>
    public SimulationResult FinishPrefix(int blocks, TimeSpan simulateTime, int threads) =>
        Result(blockMoments.Select(m => m[..blocks]).ToArray(),
            settings with { Trials = (long)blocks * RunSettings.BlockSize, Threads = threads }, settings.Trials, simulateTime);

    private SimulationResult Result(RunningMoments[][] moments, RunSettings run, long? trialsRequested, TimeSpan simulateTime) => new()
    {
        Model = Model,
        Settings = run,
        Trials = totals.Trials,
        TrialsRequested = trialsRequested,
        MachineSteps = totals.MachineSteps,
        SimulateTime = simulateTime,
        Occupancy = totals.CompleteOccupancy(),
        FirstStep = totals.FirstStep,
        StepsIn = totals.StepsIn,
        BlockMoments = moments,
        ValueMoments = SimulationResult.MergeInBlockOrder(moments),
        ValueSketches = sketches,
    };

    /// <summary>One worker's simulator and quantile sketches.</summary>
    public sealed class Worker
    {
        private readonly RunAccumulator owner;

        internal Worker(RunAccumulator owner)
        {
            this.owner = owner;
            Simulator = new TrialSimulator(owner.Model, owner.settings.Seed, owner.settings.GeneratedCode);
            Sketches = owner.sketches.Select(_ => new QuantileSketch()).ToArray();
        }

        public TrialSimulator Simulator { get; }

        internal QuantileSketch[] Sketches { get; }

        /// <summary>Runs trial <paramref name="trial"/>, the <paramref name="block"/>-th block's, leaving its values in <paramref name="values"/>.</summary>
        /// <exception cref="SimulationException">A value outcome is not a finite number.</exception>
        public void Run(long trial, int block, Span<double> values)
        {
            Simulator.Run(trial, values);
            Record(trial, block, values);
        }

        /// <summary>
        /// Runs trials <paramref name="trial"/> and <paramref name="trial"/> + 1 (both of the <paramref name="block"/>-th
        /// block) side by side, then records them in order: the same numbers as two calls of <see cref="Run"/>.
        /// </summary>
        /// <exception cref="SimulationException">A value outcome is not a finite number.</exception>
        public void RunTwo(long trial, int block, Span<double> first, Span<double> second)
        {
            Simulator.RunTwo(trial, first, second);
            Record(trial, block, first);
            Record(trial + 1, block, second);
        }

        private void Record(long trial, int block, Span<double> values)
        {
            for (var v = 0; v < values.Length; v++)
            {
                if (double.IsNaN(values[v]) || double.IsInfinity(values[v]))
                    throw new SimulationException(string.Create(CultureInfo.InvariantCulture, $"outcome '{ValueOutcomeName(owner.Model, v)}' is {values[v]} in trial {trial} (a division by zero or the log of a number <= 0?)"));
                owner.blockMoments[v][block].Add(values[v]);
                Sketches[v].Add(values[v]);
            }
        }
    }

    private static string ValueOutcomeName(CompiledModel model, int valueIndex)
    {
        var outcomes = model.Scenario.Outcomes;
        for (var i = 0; i < outcomes.Count; i++)
            if (outcomes[i].Kind == Scenarios.OutcomeKind.Value && model.OutcomeTracker[i] == valueIndex) return outcomes[i].Name;
        return string.Create(CultureInfo.InvariantCulture, $"value #{valueIndex}");
    }
}
