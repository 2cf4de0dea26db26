using System.Globalization;
using System.Text;
using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Tracing;

/// <summary>
/// Turns what happened in a trial into plain English, from the labels and narratives written in the
/// scenario. Without them it falls back on the names, with CamelCase split into words
/// ("IndirectLethal" becomes "indirect lethal").
/// </summary>
internal sealed class Storyteller(ResolvedScenario scenario)
{
    /// <summary>The scenario told about.</summary>
    public ResolvedScenario Scenario { get; } = scenario;

    /// <summary>"Week 6", "Day 3", "Month 12", or "Step 4" when the scenario names no unit.</summary>
    public string StepName(int step)
    {
        var unit = Scenario.Source.Step.Value;
        return Scenarios.Loading.ScenarioLoader.StepUnits.Contains(unit) ? string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(unit[0])}{unit[1..]} {step}") : string.Create(CultureInfo.InvariantCulture, $"Step {step}");
    }

    /// <summary>The readable name of a machine.</summary>
    public string MachineLabel(int machine)
    {
        var definition = Scenario.Machines[machine].Definition;
        return definition.Label ?? Words(definition.Name);
    }

    /// <summary>The readable name of a state.</summary>
    public string StateLabel(int machine, int state)
    {
        var resolved = Scenario.Machines[machine];
        var name = resolved.States[state];
        return resolved.Definition.StateTexts.TryGetValue(name, out var text) && text.Label is { } label ? label : Words(name);
    }

    /// <summary>
    /// The sentence for machine <paramref name="machine"/> moving from <paramref name="from"/> to <paramref name="to"/> by
    /// <paramref name="transition"/> (or -1): the transition's narrative, else the entered state's, else a plain
    /// "label: from → to". Placeholders are filled from the states and variables after the step.
    /// </summary>
    public string Sentence(int machine, int from, int to, int transition, IReadOnlyList<int> states, IReadOnlyList<double> variables)
    {
        var resolved = Scenario.Machines[machine];
        var narrative = transition >= 0 ? resolved.Transitions[transition].Definition.Text.Narrative : null;
        if (narrative is null && resolved.Definition.StateTexts.TryGetValue(resolved.States[to], out var text)) narrative = text.Narrative;
        narrative ??= $"{Capitalised(MachineLabel(machine))}: {StateLabel(machine, from)} → {StateLabel(machine, to)}.";
        return Fill(narrative, states, variables);
    }

    /// <summary>Fills the placeholders of a narrative: variables by value, machines by the label of their state.</summary>
    public string Fill(string narrative, IReadOnlyList<int> states, IReadOnlyList<double> variables) =>
        NarrativeTemplate.Fill(narrative, name =>
        {
            var variable = IndexOf(Scenario.Variables.Select(v => v.Name), name);
            if (variable >= 0) return Number(variables[variable]);
            var machine = IndexOf(Scenario.Machines.Select(m => m.Name), name);
            return machine >= 0 ? StateLabel(machine, states[machine]) : $"{{{name}}}";
        });

    /// <summary>A number as a reader expects it: 4,200 rather than 4200.0001, 27 rather than 26.59, 0.0041 rather than 0.</summary>
    public static string Number(double value) =>
        Math.Abs(value) >= 10 || value == Math.Round(value) ? Math.Round(value).ToString("N0", CultureInfo.InvariantCulture)
        : Math.Abs(value) >= 1 ? value.ToString("0.#", CultureInfo.InvariantCulture)
        : value.ToString("0.###E+0", CultureInfo.InvariantCulture) is var scientific && Math.Abs(value) < 0.001 ? scientific
        : value.ToString("0.####", CultureInfo.InvariantCulture);

    private static int IndexOf(IEnumerable<string> names, string name)
    {
        var index = 0;
        foreach (var candidate in names)
        {
            if (candidate == name) return index;
            index++;
        }
        return -1;
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"IndirectLethal" → "indirect lethal", "sk_aid" → "sk aid".</summary>
    public static string Words(string name)
    {
        var words = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '_')
            {
                words.Append(' ');
                continue;
            }
            if (i > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))) && name[i - 1] != '_')
                words.Append(' ');
            words.Append(i + 1 < name.Length && char.IsUpper(c) && char.IsUpper(name[i + 1]) ? c : char.ToLowerInvariant(c));
        }
        return words.ToString();
    }
}
