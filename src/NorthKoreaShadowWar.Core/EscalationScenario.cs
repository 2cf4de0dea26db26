using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Exact;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar;

/// <summary>
/// A scenario loaded, checked and ready to run: from a YAML file (<see cref="Load"/>), from YAML text
/// (<see cref="Parse"/>) or built in code (<see cref="ScenarioBuilder"/>). Immutable: <see cref="WithVariant"/> and
/// <see cref="WithParameter(string, double)"/> return a new scenario. Every problem with the input is a
/// <see cref="ScenarioException"/> listing each one as <c>FILE:LINE:COL: error: message</c>, the messages of
/// <c>shadowwar validate</c>.
/// </summary>
public sealed class EscalationScenario
{
    private readonly ScenarioSource source;
    private readonly PreparedScenario prepared;

    private EscalationScenario(ScenarioSource source, string? variant, IReadOnlyList<string> overrides)
    {
        this.source = source;
        Variant = variant;
        Overrides = overrides;
        prepared = source.Prepare(variant, overrides);
        Warnings = prepared.Warnings.Select(source.Locate).ToList();
    }

    /// <summary>Loads and checks the scenario file at <paramref name="path"/> (see docs/scenario-format.md).</summary>
    /// <exception cref="ScenarioException">The file cannot be read, or it has errors.</exception>
    public static EscalationScenario Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new(ScenarioSource.File(path), null, []);
    }

    /// <summary>Checks scenario YAML text; <paramref name="name"/> names it in messages, as a file name would.</summary>
    /// <exception cref="ScenarioException">The text has errors.</exception>
    public static EscalationScenario Parse(string yaml, string name = "scenario.yaml")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return new(ScenarioSource.Text(System.Text.Encoding.UTF8.GetBytes(yaml), name, d => d), null, []);
    }

    /// <summary>Checks the problems of a scenario file and of every one of its variants, as <c>shadowwar validate</c> does.</summary>
    /// <returns>Every error and warning, sorted by position; empty when the file is clean.</returns>
    public static IReadOnlyList<Diagnostic> Validate(string path) => ScenarioPipeline.Validate(path);

    internal static EscalationScenario Built(byte[] yaml, string name, Func<Diagnostic, Diagnostic> locate) =>
        new(ScenarioSource.Text(yaml, name, locate), null, []);

    /// <summary>The compiled model, for the engine's own tools.</summary>
    internal PreparedScenario Prepared => prepared;

    /// <summary>The scenario's name (names its results folder).</summary>
    public string Name => Source.Name;

    /// <summary>Its one-line title, or null.</summary>
    public string? Title => Source.Title;

    /// <summary>Its description, or null.</summary>
    public string? Description => Source.Description;

    /// <summary>Steps per trial (after the variant).</summary>
    public int Horizon => Source.Horizon.Value;

    /// <summary>The length of one step: <c>day</c>, <c>week</c> or <c>month</c>.</summary>
    public string Step => Source.Step.Value;

    /// <summary>The variant applied, or null for the base scenario.</summary>
    public string? Variant { get; }

    /// <summary>The parameter overrides applied, each <c>name=value</c>, in order.</summary>
    public IReadOnlyList<string> Overrides { get; }

    /// <summary>The names of the parameters, in the order written.</summary>
    public IReadOnlyList<string> Parameters => Source.Parameters.Select(p => p.Name).ToList();

    /// <summary>The names of the variables, in the order written.</summary>
    public IReadOnlyList<string> Variables => Source.Variables.Select(v => v.Name).ToList();

    /// <summary>The machines and their states, in the order written.</summary>
    public IReadOnlyList<MachineStates> Machines =>
        Source.Machines.Select(m => new MachineStates(m.Name, m.States.Select(s => s.Value).ToList())).ToList();

    /// <summary>The names of the outcomes, in the order written.</summary>
    public IReadOnlyList<string> Outcomes => Source.Outcomes.Select(o => o.Name).ToList();

    /// <summary>The names of the variants, in the order written.</summary>
    public IReadOnlyList<string> Variants => Source.Variants.Select(v => v.Name).ToList();

    /// <summary>The warnings found while checking it (an unreachable state, a transition never enabled).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; }

    private Scenarios.Scenario Source => prepared.Model.Scenario.Source;

    /// <summary>How parameter <paramref name="name"/> is drawn, e.g. <c>beta(2, 30)</c> (after the variant and overrides).</summary>
    /// <exception cref="KeyNotFoundException">The scenario has no such parameter.</exception>
    public string DescribeParameter(string name) =>
        Source.Parameters.FirstOrDefault(p => p.Name == name)?.Distribution.Describe()
        ?? throw new KeyNotFoundException($"no parameter '{name}'; the parameters are {string.Join(", ", Parameters)}");

    /// <summary>
    /// The same scenario with variant <paramref name="variant"/> applied (null for the base scenario), keeping the
    /// overrides, which apply after the variant.
    /// </summary>
    /// <exception cref="ScenarioException">There is no such variant, or the scenario with it has errors.</exception>
    public EscalationScenario WithVariant(string? variant) => new(source, variant, Overrides);

    /// <summary>The same scenario with parameter <paramref name="name"/> fixed at <paramref name="value"/> in every trial.</summary>
    /// <exception cref="ScenarioException">There is no such parameter, or the scenario with it has errors.</exception>
    public EscalationScenario WithParameter(string name, double value) =>
        WithParameter(name, Distribution.Fixed(value));

    /// <summary>The same scenario with parameter <paramref name="name"/> drawn from <paramref name="distribution"/>.</summary>
    /// <exception cref="ScenarioException">There is no such parameter, or the scenario with it has errors.</exception>
    public EscalationScenario WithParameter(string name, Distribution distribution)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(distribution);
        return WithOverride($"{name}={distribution.Yaml}");
    }

    /// <summary>
    /// The same scenario with one override written as on the command line, <c>name=value</c>, the value as in the file:
    /// <c>sk_shift=0.05</c> or <c>troops0={ uniform: [3000, 12000] }</c>.
    /// </summary>
    /// <exception cref="ScenarioException">The override is malformed, names no parameter, or the scenario with it has errors.</exception>
    public EscalationScenario WithOverride(string assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return new(source, Variant, [.. Overrides, assignment]);
    }

    /// <summary>Runs Monte Carlo trials (by default 10,000 from seed 1 on every core).</summary>
    /// <param name="options">Trials, seed, threads and a progress callback; null for the defaults.</param>
    /// <param name="cancellationToken">
    /// Stops the run: blocks of trials already started are finished and no new one starts; the results are then those
    /// of the trials completed (<see cref="ScenarioResults.IsPartial"/>), exactly the numbers of a run of that many.
    /// </param>
    /// <exception cref="OperationCanceledException">The run was cancelled before any block of trials was completed.</exception>
    /// <exception cref="SimulationException">A trial did something impossible (probabilities adding up to more than 1 for one draw).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options ask for no trials, too many, or no thread.</exception>
    public ScenarioResults Run(RunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RunOptions();
        var simulation = MonteCarloRunner.Run(prepared.Model, options.Settings(), options.Progress, cancellationToken);
        if (simulation.Trials == 0) throw new OperationCanceledException("the run was cancelled before any trial was completed", cancellationToken);
        return new ScenarioResults(ResultsBuilder.Build(simulation));
    }

    /// <summary><see cref="Run"/> on a thread-pool thread.</summary>
    /// <inheritdoc cref="Run" path="/param"/>
    /// <inheritdoc cref="Run" path="/exception"/>
    public Task<ScenarioResults> RunAsync(RunOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Run(options, cancellationToken), CancellationToken.None);

    /// <summary>
    /// The exact answer, by propagating the joint distribution of the machines' states (docs/scenario-format.md,
    /// "Exact answers"): intervals of zero width.
    /// </summary>
    /// <exception cref="ExactNotPossibleException">The scenario has drawn parameters, outcomes over variables, or too many joint states; the message says which.</exception>
    /// <exception cref="SimulationException">Some state's probabilities add up to more than 1.</exception>
    public ScenarioResults Exact() => new(ExactSolver.Solve(prepared.Model));

    /// <summary>The exact answer conditioned on <paramref name="evidence"/>, beside the prior, with the evidence's exact log marginal likelihood.</summary>
    /// <exception cref="ScenarioException">The evidence has errors, an observation reads variables, or the evidence is impossible under the scenario.</exception>
    /// <exception cref="ExactNotPossibleException">The scenario is not one exact propagation can solve.</exception>
    public UpdateResults Exact(Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var file = evidence.ReadFor(prepared);
        var problems = new DiagnosticBag();
        ConditionedExactSolver.Check(file, problems);
        if (problems.HasErrors) throw new ScenarioException(problems.Sorted());
        try
        {
            return new UpdateResults(ConditionedExactSolver.Solve(prepared.Model, file), file);
        }
        catch (EvidenceImpossibleException e)
        {
            throw Impossible(e);
        }
    }

    /// <summary>
    /// Conditions the scenario on <paramref name="evidence"/> with particles (docs/updating.md) and forecasts from
    /// there; check <see cref="UpdateResults.EnoughEffectiveDraws"/> before trusting the posterior.
    /// </summary>
    /// <exception cref="ScenarioException">The evidence has errors, or no particle is consistent with it.</exception>
    /// <exception cref="SimulationException">A trial did something impossible.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The options are out of range.</exception>
    public UpdateResults Update(Evidence evidence, UpdateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var settings = (options ?? new UpdateOptions()).Settings();
        var file = evidence.ReadFor(prepared);
        try
        {
            return new UpdateResults(UpdateRunner.Run(prepared.Model, file, settings, options?.Progress));
        }
        catch (EvidenceImpossibleException e)
        {
            throw Impossible(e);
        }
    }

    /// <summary>The same problem as a diagnostic at the observation that ruled out the last trials.</summary>
    private static ScenarioException Impossible(EvidenceImpossibleException e)
    {
        var prefix = $"{e.Observation.Position}: error: ";
        var message = e.Message.StartsWith(prefix, StringComparison.Ordinal) ? e.Message[prefix.Length..] : e.Message;
        return new ScenarioException([new Diagnostic(DiagnosticSeverity.Error, e.Observation.Position, message)]);
    }

    /// <summary>The name, the variant and the overrides, e.g. <c>baseline (variant elite_commandos; sk_shift=0.05)</c>.</summary>
    public override string ToString() =>
        Name + (Variant is null && Overrides.Count == 0 ? ""
            : $" ({string.Join("; ", new[] { Variant is null ? null : $"variant {Variant}" }.Concat(Overrides).OfType<string>())})");
}
