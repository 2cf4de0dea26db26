using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Compilation.Generated;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Scenarios;

namespace NorthKoreaShadowWar.Simulation;

/// <summary>
/// The hot loop: runs one trial at a time over the flat arrays of a <see cref="CompiledModel"/> and adds what
/// it saw to its own <see cref="TrialTallies"/>. One instance per worker thread; nothing is allocated per trial
/// or per step.
/// <para>
/// Step t (1..horizon) moves every machine once, reading the states and variables as they were at the start
/// of the step; then the effects of the transitions taken apply, in file order; then the <c>each_step</c>
/// effects of the states now occupied. Effect values read the variables as they were at the start of the step.
/// Outcome conditions are tested after step t (and at t = 0 on the initial state).
/// </para>
/// <para>
/// Its parts, each in a file of its own, with the fields only it uses: this file (what every part shares, and the
/// entry points), <c>TrialSimulator.TrialSetup.cs</c> (starting and finishing a trial: parameters, variables,
/// trackers, tallies), <c>TrialSimulator.Outcomes.cs</c> (the outcome conditions tested after each step, and what a
/// trial gave), <c>TrialSimulator.GeneralLoop.cs</c> (the steps of any model), <c>TrialSimulator.TableLanes.cs</c>
/// (one or two trials through <see cref="TableTrialLoop"/> for the models it can run) and
/// <c>TrialSimulator.Resumable.cs</c> (trials stepped a few steps at a time, for updating on evidence).
/// </para>
/// </summary>
internal sealed partial class TrialSimulator
{
    private readonly CompiledModel model;
    private readonly ulong seed;
    private readonly RowLayout[] rows;
    private readonly int[] stateOffset;
    /// <summary>The states of the machines: at the start of the current step, and after the trial's last step.</summary>
    private readonly int[] states;
    private readonly double[] variables;
    /// <summary>The parameters of the current trial and the values computed from them, then the model's fixed values.</summary>
    private readonly double[] constants;
    /// <summary>The cumulative bounds of every table row; per-trial rows' are rebuilt each trial (see <see cref="stamps"/>).</summary>
    private readonly double[] bounds;
    private readonly double[] stack;
    /// <summary>The draws of the current trial's steps (of the first of two trials run side by side).</summary>
    private readonly UniformBuffer uniforms = new();
    private readonly bool hasTimedValues;
    /// <summary>Per step 0..horizon: whether some value outcome is read after it.</summary>
    private readonly bool[] valueDueAfter;
    /// <summary>Per step: the first step from it on after which some value outcome is read, or the horizon.</summary>
    private readonly int[] nextValueDue;
    /// <summary>The trial being run, for the errors that name it.</summary>
    private long currentTrial;
    /// <summary>The model's per-step code compiled to .NET code, or null to interpret it (see <see cref="CodeGeneration"/>).</summary>
    private readonly GeneratedModelCode? generated;

    /// <summary>
    /// A simulator of <paramref name="model"/> for the random streams of <paramref name="seed"/>. With
    /// <paramref name="generatedCode"/> false it interprets the model's per-step code instead of compiling it to .NET
    /// code (the same numbers, slower); null takes <see cref="CodeGeneration.ByDefault"/>.
    /// </summary>
    public TrialSimulator(CompiledModel model, ulong seed, bool? generatedCode = null)
    {
        this.model = model;
        this.seed = seed;
        rows = model.Rows;
        stateOffset = model.StateOffset;
        states = new int[model.MachineCount];
        nextStates = new int[model.MachineCount];
        contextStates = new int[model.MachineCount];
        variables = new double[model.VariableCount];
        variablesAtStepStart = new double[model.VariableCount];
        constants = (double[])model.FixedSlots.Clone();
        bounds = model.StampCount > 0 ? (double[])model.FixedBounds.Clone() : model.FixedBounds;
        stamps = new int[model.StampCount];
        stack = new double[Math.Max(1, model.MaxStackDepth)];
        effective = new double[Math.Max(1, model.RowTransitions.Length)];
        takenEffects = new int[model.MachineCount];
        firstStep = new int[model.FirstStepConditions.Length];
        stepsIn = new int[model.StepsInConditions.Length];
        stepsInHolds = new bool[model.StepsInConditions.Length];
        Tallies = new TrialTallies(model);
        hasTimedValues = model.ValueAtStep.Any(step => step >= 0);
        valueDueAfter = new bool[model.Horizon + 1];
        foreach (var step in model.ValueAtStep)
            if (step >= 0 && step <= model.Horizon) valueDueAfter[step] = true;
        nextValueDue = new int[model.Horizon + 1];
        for (var step = model.Horizon; step >= 0; step--)
            nextValueDue[step] = valueDueAfter[step] || step == model.Horizon ? step : nextValueDue[step + 1];
        tableLoop = TableTrialLoop.For(model);
        generated = (generatedCode ?? CodeGeneration.ByDefault) && CodeGeneration.HasPerStepCode(model) ? GeneratedModelCode.For(model) : null;
        stepFrame = generated is null ? null : NewStepFrame();
        history = tableLoop is null ? [] : new int[(model.Horizon + 1) * 2 * model.MachineCount];
        secondLane = (model.Horizon + 1) * model.MachineCount;
    }

    /// <summary>What this simulator has counted so far.</summary>
    public TrialTallies Tallies { get; }

    /// <summary>
    /// Values for the random parameters (in <see cref="CompiledModel.RandomParameters"/> order) that replace their
    /// draws in the trials run from now on, or null to draw them as usual. Values computed from parameters are
    /// computed from these. Used by designs that choose the parameters themselves (sensitivity analysis).
    /// </summary>
    public double[]? FixedParameters { get; set; }

    /// <summary>
    /// Runs trial <paramref name="trial"/> and adds it to <see cref="Tallies"/>; returns the values of the value
    /// outcomes in <paramref name="values"/>. An <paramref name="observer"/>, if given, sees the initial state and
    /// every simulated step (it does not change any number).
    /// </summary>
    public void Run(long trial, Span<double> values, ITrialObserver? observer = null)
    {
        if (tableLoop is not null && observer is null)
        {
            RunTableTrial(trial, values);
            return;
        }
        var pendingFirstSteps = StartTrial(trial, values, observer, countInitialStates: true);
        uniforms.Reset(RandomStreams.For(seed, trial, RandomStreams.Transitions));
        var (lastSimulated, _) = RunSteps(1, model.Horizon, trial, values, observer, ref pendingFirstSteps);
        FinishTrial(lastSimulated, values);
    }
}
