using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar;

/// <summary>
/// The results of running a scenario (<see cref="EscalationScenario.Run"/>) or solving it exactly
/// (<see cref="EscalationScenario.Exact()"/>): the same numbers a results folder's <c>summary.json</c> holds, typed.
/// </summary>
public sealed class ScenarioResults
{
    internal ScenarioResults(RunResult result)
    {
        Result = result;
        Outcomes = result.Outcomes.Select(OutcomeEstimate.Of).ToList();
        Occupancy = result.Occupancy
            .SelectMany(machine => machine.States.Select(state => new StateOccupancy(machine.Machine, state.State, state.Shares.ToArray())))
            .ToList();
    }

    /// <summary>The results as the results folder writers take them.</summary>
    internal RunResult Result { get; }

    /// <summary>The scenario's name.</summary>
    public string Scenario => Result.Manifest.Scenario;

    /// <summary>The variant applied, or null for the base scenario.</summary>
    public string? Variant => Result.Manifest.Variant;

    /// <summary>The parameter overrides applied, each <c>name=value</c>, in order.</summary>
    public IReadOnlyList<string> Overrides => Result.Manifest.Overrides;

    /// <summary><c>monte-carlo</c>, <c>exact</c>, or for the posterior of an update the method that weighted it.</summary>
    public string Method => Result.Manifest.Method;

    /// <summary>The seed every random stream was derived from.</summary>
    public ulong Seed => Result.Manifest.Seed;

    /// <summary>The trials the numbers rest on (for a run stopped early, those completed).</summary>
    public long Trials => Result.Manifest.Trials;

    /// <summary>For a run stopped early by its cancellation token, the trials asked for; null for a complete run.</summary>
    public long? TrialsRequested => Result.TrialsRequested;

    /// <summary>True when the run was stopped before all the trials asked for had run; the numbers are those of <see cref="Trials"/> trials.</summary>
    public bool IsPartial => Result.Partial;

    /// <summary>Steps per trial.</summary>
    public int Horizon => Result.Manifest.Horizon;

    /// <summary>The length of one step: <c>day</c>, <c>week</c> or <c>month</c>.</summary>
    public string Step => Result.Manifest.Step;

    /// <summary>Every outcome of the scenario, in the order written.</summary>
    public IReadOnlyList<OutcomeEstimate> Outcomes { get; }

    /// <summary>The share of trials in every state of every machine after each step, machines and states in the order written.</summary>
    public IReadOnlyList<StateOccupancy> Occupancy { get; }

    /// <summary>The outcome named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The scenario has no such outcome.</exception>
    public OutcomeEstimate this[string name] =>
        Outcomes.FirstOrDefault(o => o.Name == name)
        ?? throw new KeyNotFoundException($"no outcome '{name}'; the outcomes are {string.Join(", ", Outcomes.Select(o => o.Name))}");

    /// <summary>The <c>reached</c> outcome named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The scenario has no such outcome, or it is not a probability.</exception>
    public ProbabilityEstimate Probability(string name) => Typed<ProbabilityEstimate>(name, "a probability (reached)");

    /// <summary>The <c>first_step</c>, <c>value</c> or <c>steps_in</c> outcome named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The scenario has no such outcome, or it is not a distribution.</exception>
    public DistributionEstimate Distribution(string name) => Typed<DistributionEstimate>(name, "a distribution (first_step, value or steps_in)");

    /// <summary>The <c>final</c> outcome named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The scenario has no such outcome, or it is not categorical.</exception>
    public CategoricalEstimate Categorical(string name) => Typed<CategoricalEstimate>(name, "categorical (final)");

    /// <summary>The share of trials in <paramref name="state"/> of <paramref name="machine"/> after each step t = 0..horizon.</summary>
    /// <exception cref="KeyNotFoundException">The scenario has no such machine or state.</exception>
    public IReadOnlyList<double> OccupancyOf(string machine, string state) =>
        Occupancy.FirstOrDefault(o => o.Machine == machine && o.State == state)?.Shares
        ?? throw new KeyNotFoundException(Occupancy.Any(o => o.Machine == machine)
            ? $"machine '{machine}' has no state '{state}'; its states are {string.Join(", ", Occupancy.Where(o => o.Machine == machine).Select(o => o.State))}"
            : $"no machine '{machine}'; the machines are {string.Join(", ", Occupancy.Select(o => o.Machine).Distinct())}");

    /// <summary>One line per outcome, each as the outcome's own <c>ToString</c> writes it.</summary>
    public override string ToString() => string.Join(Environment.NewLine, Outcomes);

    private T Typed<T>(string name, string kind) where T : OutcomeEstimate =>
        this[name] as T ?? throw new KeyNotFoundException($"outcome '{name}' is not {kind}");
}
