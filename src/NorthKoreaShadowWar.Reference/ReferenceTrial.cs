using NorthKoreaShadowWar.Expressions;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Reference;

/// <summary>
/// Runs trials one after another, every step of every trial, exactly as docs/scenario-format.md ("What a trial
/// computes") states it. The machines are built once and reset through <see cref="TrialState.States"/>.
/// </summary>
internal sealed class ReferenceTrial
{
    private readonly ResolvedScenario scenario;
    private readonly ReferenceTallies tallies;
    private readonly TrialState state;
    private readonly List<ReferenceMachine> machines;
    private readonly ReferenceCopula copula;

    public ReferenceTrial(ResolvedScenario scenario, ReferenceTallies tallies)
    {
        this.scenario = scenario;
        this.tallies = tallies;
        state = new TrialState(scenario);
        machines = scenario.Machines.Select((machine, m) => new ReferenceMachine(machine, m, state)).ToList();
        copula = new ReferenceCopula(scenario);
    }

    /// <summary>Runs trial number <paramref name="trial"/> with draws from <paramref name="random"/> and hands what it saw to the tallies.</summary>
    public void Run(long trial, Random random)
    {
        DrawParameters(random);
        InitialiseVariables();
        for (var m = 0; m < scenario.Machines.Count; m++) state.States[m] = InitialState(scenario.Machines[m], random, trial);
        tallies.StartTrial(state.Now);

        for (var step = 1; step <= scenario.Horizon; step++)
        {
            state.BeginStep();
            // 1. Every machine moves once; guards and probabilities read the start-of-step copies.
            foreach (var machine in machines) machine.Move(random, trial, step);
            // 2. The effects of the transitions taken, in file order (machines moved in file order, one transition each).
            foreach (var effects in state.EffectsTaken) state.Apply(effects);
            // 3. The each_step effects of the states now occupied, machines in file order.
            for (var m = 0; m < scenario.Machines.Count; m++) state.Apply(scenario.Machines[m].EachStep[state.States[m]]);
            tallies.ObserveStep(step, state.Now);
        }
        tallies.EndTrial(state.Now);
    }

    private void DrawParameters(Random random)
    {
        var noVariables = Array.Empty<double>();
        var noStates = Array.Empty<int>();
        copula.Draw(random, state.Parameters);
        foreach (var p in scenario.ParameterEvaluationOrder)
        {
            var parameter = scenario.Parameters[p];
            if (copula.Draws(p)) continue;
            if (parameter.Derived is { } expression)
            {
                var value = ReferenceEvaluator.Evaluate(expression, new ExpressionInputs(state.Parameters, noVariables, noStates));
                state.Parameters[p] = parameter.Distribution.Clip is { } clip ? Math.Clamp(value, clip.Lower, clip.Upper) : value;
            }
            else
            {
                state.Parameters[p] = parameter.Distribution.Sample(random);
            }
        }
    }

    /// <summary>
    /// The machine's initial state; with an initial distribution, the first state (in the order written) whose cumulative
    /// probability exceeds one uniform draw scaled by the total.
    /// </summary>
    private int InitialState(ResolvedMachine machine, Random random, long trial)
    {
        if (machine.InitialShares.Count == 0) return machine.InitialState;
        var probabilities = machine.InitialShares.Select(s => ReferenceEvaluator.Evaluate(s.Probability, state.Now)).ToList();
        var total = probabilities.Sum();
        if (probabilities.Any(p => !(p >= 0)) || Math.Abs(total - 1) > ReferenceMachine.SumTolerance)
            throw new Diagnostics.SimulationException($"machine '{machine.Name}': the initial probabilities are {string.Join(", ", probabilities)}, in trial {trial}; each must be between 0 and 1 and they must add up to 1");
        var u = random.NextDouble() * total;
        var cumulative = 0.0;
        var chosen = machine.InitialState;
        for (var i = 0; i < probabilities.Count; i++)
        {
            if (probabilities[i] <= 0) continue;
            cumulative += probabilities[i];
            chosen = machine.InitialShares[i].State;
            if (u < cumulative) break;
        }
        return chosen;
    }

    private void InitialiseVariables()
    {
        foreach (var v in scenario.VariableInitialisationOrder)
            state.Variables[v] = ReferenceEvaluator.Evaluate(scenario.Variables[v].Initial, state.Now);
    }
}
