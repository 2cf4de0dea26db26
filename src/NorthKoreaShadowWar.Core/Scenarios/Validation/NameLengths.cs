using System.Globalization;
using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Scenarios.Validation;

/// <summary>
/// The limit on the length of names (docs/scenario-format.md, "Limits"): the scenario's, and those of parameters,
/// variables, machines, states, outcomes and variants. Names become folder names, CSV columns, report headings and the
/// identifiers of state diagrams, and a name longer than anyone would write is a mistake in the file.
/// </summary>
internal static class NameLengths
{
    /// <summary>The most characters a name may have.</summary>
    public const int Maximum = 100;

    /// <summary>Reports every name of <paramref name="scenario"/> longer than <see cref="Maximum"/> characters.</summary>
    public static void Check(Scenario scenario, DiagnosticBag diagnostics)
    {
        void Check(string name, SourcePosition position, string what)
        {
            if (name.Length > Maximum)
                diagnostics.Error(position, string.Create(CultureInfo.InvariantCulture, $"the {what} name '{name[..20]}...' has {name.Length:N0} characters; a name may have at most {Maximum}"));
        }
        Check(scenario.Name, scenario.Position, "scenario");
        foreach (var parameter in scenario.Parameters) Check(parameter.Name, parameter.Position, "parameter");
        foreach (var variable in scenario.Variables) Check(variable.Name, variable.Position, "variable");
        foreach (var machine in scenario.Machines)
        {
            Check(machine.Name, machine.Position, "machine");
            foreach (var state in machine.States) Check(state.Value, state.Position, "state");
        }
        foreach (var outcome in scenario.Outcomes) Check(outcome.Name, outcome.Position, "outcome");
        foreach (var variant in scenario.Variants) Check(variant.Name, variant.Position, "variant");
    }
}
