using System.Globalization;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Expressions;

namespace NorthKoreaShadowWar.Scenarios.Validation;

/// <summary>
/// Resolves every name of a scenario (machines, states, parameters, variables) and type-checks every
/// expression, reporting all problems. Semantic checks that need resolved names (probabilities that can
/// exceed 1, unreachable states) run afterwards in <see cref="ScenarioChecks"/>.
/// </summary>
internal static class ScenarioBinder
{
    /// <summary>The most states a machine may have (conditions test states as bits of a 64-bit mask).</summary>
    public const int MaximumStatesPerMachine = 64;

    /// <summary>The most machines a scenario may have.</summary>
    public const int MaximumMachines = 256;

    /// <summary>Resolves <paramref name="scenario"/>; returns null when it has errors, reported to <paramref name="diagnostics"/>.</summary>
    public static ResolvedScenario? Bind(Scenario scenario, DiagnosticBag diagnostics)
    {
        var symbols = DeclareNames(scenario, diagnostics);
        ResultsSize.Check(scenario, diagnostics);
        var binder = new ExpressionBinder(symbols, diagnostics);
        var parameters = scenario.Parameters.Select(p => new ResolvedParameter
        {
            Name = p.Name,
            Distribution = p.Distribution,
            Derived = p.Distribution is DerivedValue derived
                ? binder.BindNumber(derived.Expression, $"parameter '{p.Name}'", NameUse.Parameters)
                : null,
        }).ToList();
        var correlations = CorrelationBinder.Bind(scenario, diagnostics);
        var parameterOrder = Order(parameters.Count, i => parameters[i].Derived, scenario.Parameters.Select(p => (p.Name, p.Position)).ToList(), "parameters", diagnostics);
        var variables = scenario.Variables.Select(v => (Definition: v, Initial: binder.BindNumber(v.Initial, $"the initial value of '{v.Name}'", NameUse.Parameters | NameUse.Variables))).ToList();
        var variableOrder = Order(variables.Count, i => variables[i].Initial, scenario.Variables.Select(v => (v.Name, v.Position)).ToList(), "variable initial values", diagnostics);
        var machines = scenario.Machines.Select((m, i) => BindMachine(m, i, symbols, binder, diagnostics)).ToList();
        CheckNarratives(scenario, symbols, diagnostics);
        var outcomes = scenario.Outcomes.Select(o => BindOutcome(o, scenario, symbols, binder, diagnostics)).ToList();
        if (diagnostics.HasErrors || machines.Any(m => m is null) || outcomes.Any(o => o is null) ||
            parameterOrder is null || variableOrder is null || variables.Any(v => v.Initial is null))
            return null;
        return new ResolvedScenario
        {
            Source = scenario,
            Parameters = parameters,
            Correlations = correlations,
            Variables = variables.Select(v => new ResolvedVariable { Name = v.Definition.Name, Initial = v.Initial! }).ToList(),
            Machines = machines!,
            Outcomes = outcomes!,
            ParameterEvaluationOrder = parameterOrder,
            VariableInitialisationOrder = variableOrder,
        };
    }

    private static SymbolTable DeclareNames(Scenario scenario, DiagnosticBag diagnostics)
    {
        var symbols = new SymbolTable();
        var declared = new Dictionary<string, (string Kind, Diagnostics.SourcePosition Position)>(StringComparer.Ordinal);
        bool Declare(string name, string kind, Diagnostics.SourcePosition position)
        {
            if (declared.TryGetValue(name, out var earlier))
            {
                diagnostics.Error(position, string.Create(CultureInfo.InvariantCulture, $"'{name}' is already defined as a {earlier.Kind} at line {earlier.Position.Line}; names of parameters, variables and machines must be distinct"));
                return false;
            }
            declared[name] = (kind, position);
            return true;
        }
        foreach (var (parameter, index) in scenario.Parameters.Select((p, i) => (p, i)))
            if (Declare(parameter.Name, "parameter", parameter.Position)) symbols.Parameters[parameter.Name] = index;
        foreach (var (variable, index) in scenario.Variables.Select((v, i) => (v, i)))
            if (Declare(variable.Name, "variable", variable.Position)) symbols.Variables[variable.Name] = index;
        if (scenario.Machines.Count > MaximumMachines)
            diagnostics.Error(scenario.Machines[MaximumMachines].Position, string.Create(CultureInfo.InvariantCulture, $"the scenario has {scenario.Machines.Count} machines; the limit is {MaximumMachines}"));
        foreach (var (machine, index) in scenario.Machines.Select((m, i) => (m, i)))
        {
            if (Declare(machine.Name, "machine", machine.Position)) symbols.Machines[machine.Name] = index;
            var states = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var state in machine.States)
            {
                if (!ScenarioNames.IsIdentifier(state.Value))
                    diagnostics.Error(state.Position, ScenarioNames.ControlCharacterProblem("state name", state.Value) is { } control
                        ? $"{control}; use letters, digits and '_', starting with a letter"
                        : $"'{state.Value}' is not a valid state name: use letters, digits and '_', starting with a letter");
                else if (!states.TryAdd(state.Value, states.Count))
                    diagnostics.Error(state.Position, $"state '{state.Value}' is listed twice in machine '{machine.Name}'");
            }
            if (machine.States.Count > MaximumStatesPerMachine)
                diagnostics.Error(machine.Position, string.Create(CultureInfo.InvariantCulture, $"machine '{machine.Name}' has {machine.States.Count} states; the limit is {MaximumStatesPerMachine}"));
            symbols.States.Add(states);
        }
        return symbols;
    }

    private static IReadOnlyList<int>? Order(int count, Func<int, BoundExpression?> expression,
        IReadOnlyList<(string Name, Diagnostics.SourcePosition Position)> items, string what, DiagnosticBag diagnostics)
    {
        IEnumerable<int> Reads(int i) => expression(i) is { } e
            ? what == "parameters" ? BoundExpressionFacts.ParametersRead(e) : BoundExpressionFacts.VariablesRead(e)
            : [];
        var order = DependencyOrder.Sort(count, Reads, out var cycle);
        if (order is null)
            diagnostics.Error(items[cycle[0]].Position, $"the {what} depend on each other in a cycle: {string.Join(" -> ", cycle.Select(i => items[i].Name))}");
        return order;
    }

    private static ResolvedMachine? BindMachine(MachineDefinition machine, int machineIndex, SymbolTable symbols, ExpressionBinder binder, DiagnosticBag diagnostics)
    {
        var states = symbols.States[machineIndex];
        var what = $"machine '{machine.Name}'";
        int? Resolve(Located<string> state, string role)
        {
            if (states.TryGetValue(state.Value, out var index)) return index;
            diagnostics.Error(state.Position, $"{role} '{state.Value}' is not a state of {what}{SpellingSuggestions.DidYouMean(state.Value, states.Keys)}; its states are {string.Join(", ", states.Keys)}");
            return null;
        }
        var initial = machine.Initial is { } i ? Resolve(i, "initial state") : null;
        var initialShares = machine.InitialShares is { } written ? BindInitialShares(written, what, Resolve, binder, diagnostics) : [];
        if (initialShares.Count > 0) initial = initialShares[0].State;
        if (machine.States.Count == 0) diagnostics.Error(machine.Position, $"{what} has no states");
        var absorbing = new bool[states.Count];
        foreach (var state in machine.Absorbing)
            if (Resolve(state, "absorbing state") is { } index) absorbing[index] = true;
        var eachStep = Enumerable.Range(0, states.Count).Select(_ => new List<ResolvedEffect>()).ToList();
        foreach (var entry in machine.EachStep)
            if (Resolve(entry.State, "each_step state") is { } index)
                eachStep[index].AddRange(BindEffects(entry.Effects, symbols, binder, diagnostics));
        var transitions = new List<ResolvedTransition>();
        foreach (var transition in machine.Transitions)
        {
            var from = new List<int>();
            if (transition.FromAnyState)
            {
                from.AddRange(Enumerable.Range(0, states.Count).Where(s => !absorbing[s]));
            }
            else
            {
                foreach (var source in transition.From)
                {
                    if (Resolve(source, "'from'") is not { } index) continue;
                    if (absorbing[index])
                        diagnostics.Error(source.Position, $"'{source.Value}' is absorbing in {what}: a machine never leaves an absorbing state, so it cannot have transitions");
                    else if (from.Contains(index))
                        diagnostics.Error(source.Position, $"'{source.Value}' is listed twice in 'from'");
                    else from.Add(index);
                }
                if (transition.From.Count == 0) diagnostics.Error(transition.Position, "'from' lists no states");
            }
            var to = Resolve(transition.To, "'to'");
            var probability = binder.BindNumber(transition.Probability, "the probability 'p'", NameUse.Parameters | NameUse.Variables);
            var guard = transition.When is { } when ? binder.BindCondition(when, "the 'when' guard") : null;
            var multipliers = transition.Multipliers
                .Select(m => (Condition: binder.BindCondition(m.When, "the condition of a multiplier"),
                              Factor: binder.BindNumber(m.By, "the factor of a multiplier", NameUse.Parameters | NameUse.Variables)))
                .ToList();
            var effects = BindEffects(transition.Effects, symbols, binder, diagnostics);
            if (to is null || probability is null || (transition.When is not null && guard is null) ||
                multipliers.Any(m => m.Condition is null || m.Factor is null))
                continue;
            transitions.Add(new ResolvedTransition
            {
                From = from,
                To = to.Value,
                Probability = probability,
                Guard = guard,
                Multipliers = multipliers.Select(m => (m.Condition!, m.Factor!)).ToList(),
                Effects = effects,
                Definition = transition,
            });
        }
        if (initial is null || diagnostics.HasErrors) return null;
        return new ResolvedMachine
        {
            Name = machine.Name,
            States = states.Keys.ToList(),
            InitialState = initial.Value,
            InitialShares = initialShares,
            Absorbing = absorbing,
            Transitions = transitions,
            EachStep = eachStep,
            Definition = machine,
        };
    }

    /// <summary>
    /// The entries of an initial distribution: each a state of the machine, listed once, with a probability that reads
    /// only parameters (it is drawn before the first step, so there are no variables or states to read yet).
    /// </summary>
    private static List<ResolvedInitialShare> BindInitialShares(IReadOnlyList<InitialShare> written, string what,
        Func<Located<string>, string, int?> resolve, ExpressionBinder binder, DiagnosticBag diagnostics)
    {
        var shares = new List<ResolvedInitialShare>();
        var complete = true;
        foreach (var share in written)
        {
            var state = resolve(share.State, "initial state");
            var probability = binder.BindNumber(share.Probability, $"the initial probability of '{share.State.Value}' in {what}", NameUse.Parameters);
            if (state is null || probability is null)
            {
                complete = false;
                continue;
            }
            if (shares.FirstOrDefault(s => s.State == state.Value) is { } earlier)
            {
                diagnostics.Error(share.State.Position, string.Create(CultureInfo.InvariantCulture, $"'{share.State.Value}' is listed twice in the initial distribution of {what} (first at line {earlier.Definition.State.Position.Line})"));
                complete = false;
                continue;
            }
            shares.Add(new ResolvedInitialShare { State = state.Value, Probability = probability, Definition = share });
        }
        return complete ? shares : [];
    }

    /// <summary>Every <c>{name}</c> in a narrative must name a variable or a machine.</summary>
    private static void CheckNarratives(Scenario scenario, SymbolTable symbols, DiagnosticBag diagnostics)
    {
        var texts = scenario.Machines.SelectMany(m => m.StateTexts.Values.Concat(m.Transitions.Select(t => t.Text)));
        foreach (var text in texts.Where(t => t is { Narrative: not null, NarrativeSource: not null }))
        {
            foreach (var (name, offset) in NarrativeTemplate.Placeholders(text.Narrative!))
            {
                if (symbols.Variables.ContainsKey(name) || symbols.Machines.ContainsKey(name)) continue;
                var names = symbols.Variables.Keys.Concat(symbols.Machines.Keys);
                diagnostics.Error(text.NarrativeSource!.At(offset),
                    $"the narrative names '{{{name}}}', which is neither a variable nor a machine{SpellingSuggestions.DidYouMean(name, names)}");
            }
        }
    }

    private static List<ResolvedEffect> BindEffects(IReadOnlyList<EffectDefinition> effects, SymbolTable symbols, ExpressionBinder binder, DiagnosticBag diagnostics)
    {
        var bound = new List<ResolvedEffect>();
        foreach (var effect in effects)
        {
            var name = effect.Variable.Value;
            if (!symbols.Variables.TryGetValue(name, out var variable))
            {
                var hint = symbols.Parameters.ContainsKey(name)
                    ? $"; '{name}' is a parameter, which is fixed for the trial: declare a variable to change it"
                    : SpellingSuggestions.DidYouMean(name, symbols.Variables.Keys);
                diagnostics.Error(effect.Variable.Position, $"unknown variable '{name}'{hint}");
                continue;
            }
            var value = binder.BindNumber(effect.Value, $"the change to '{name}'", NameUse.Parameters | NameUse.Variables);
            if (value is not null) bound.Add(new ResolvedEffect { Variable = variable, Operator = effect.Operator, Value = value });
        }
        return bound;
    }

    private static ResolvedOutcome? BindOutcome(OutcomeDefinition outcome, Scenario scenario, SymbolTable symbols, ExpressionBinder binder, DiagnosticBag diagnostics)
    {
        var what = $"outcome '{outcome.Name}'";
        switch (outcome.Kind)
        {
            case OutcomeKind.Final:
                if (symbols.Machines.TryGetValue(outcome.Subject.Text, out var machine))
                    return new ResolvedOutcome { Name = outcome.Name, Kind = outcome.Kind, Machine = machine, Definition = outcome };
                diagnostics.Error(outcome.Subject.Position, $"'final' of {what} must name a machine, not '{outcome.Subject.Text}'{SpellingSuggestions.DidYouMean(outcome.Subject.Text, symbols.Machines.Keys)}");
                return null;
            case OutcomeKind.Value:
                var value = binder.BindNumber(outcome.Subject, $"'value' of {what}", NameUse.Parameters | NameUse.Variables);
                if (outcome.At is { } at && at.Value > scenario.Horizon.Value)
                {
                    diagnostics.Error(at.Position, string.Create(CultureInfo.InvariantCulture, $"'at: {at.Value}' of {what} is beyond the horizon of {scenario.Horizon.Value} steps"));
                    return null;
                }
                return value is null ? null : new ResolvedOutcome { Name = outcome.Name, Kind = outcome.Kind, Value = value, At = outcome.At?.Value ?? -1, Definition = outcome };
            default:
                var condition = binder.BindCondition(outcome.Subject, $"{what}");
                var within = outcome.Within?.Value ?? scenario.Horizon.Value;
                if (outcome.Within is { } w && w.Value > scenario.Horizon.Value)
                {
                    diagnostics.Error(w.Position, string.Create(CultureInfo.InvariantCulture, $"'within: {w.Value}' of {what} is beyond the horizon of {scenario.Horizon.Value} steps"));
                    return null;
                }
                return condition is null ? null
                    : new ResolvedOutcome { Name = outcome.Name, Kind = outcome.Kind, Condition = condition, Within = within, Definition = outcome };
        }
    }
}
