using NorthKoreaShadowWar.Comparison;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Scenarios;

namespace NorthKoreaShadowWar.Sensitivity;

/// <summary>
/// Turns what the user wrote after <c>--outcome</c> into one number per trial: the outcome's own number for
/// <c>reached</c> (1 or 0, so its mean is the probability), <c>value</c> and <c>steps_in</c>; 1 if a <c>first_step</c>
/// happened; and for <c>final</c>, written <c>NAME=STATE</c>, 1 if the machine ends in that state.
/// </summary>
internal static class SensitivityOutcomes
{
    /// <summary>
    /// The quantity <paramref name="written"/> names in <paramref name="model"/>, or null with the reason in
    /// <paramref name="problem"/> (an unknown outcome or state, with a suggestion; a final outcome without a state).
    /// </summary>
    public static ComparedQuantity? Resolve(CompiledModel model, string written, out string? problem)
    {
        problem = null;
        var equals = written.IndexOf('=', StringComparison.Ordinal);
        var name = (equals < 0 ? written : written[..equals]).Trim();
        var state = equals < 0 ? null : written[(equals + 1)..].Trim();
        var outcomes = model.Scenario.Outcomes;
        var index = -1;
        for (var i = 0; i < outcomes.Count; i++)
            if (outcomes[i].Name == name) index = i;
        if (index < 0)
        {
            problem = $"the scenario has no outcome '{name}'{SpellingSuggestions.DidYouMean(name, outcomes.Select(o => o.Name))}; "
                + $"its outcomes are {string.Join(", ", outcomes.Select(o => o.Name))}";
            return null;
        }
        var outcome = outcomes[index];
        if (outcome.Kind != OutcomeKind.Final && state is not null)
        {
            problem = $"'{name}' is not a final outcome; only a final outcome takes a state (write --outcome {name})";
            return null;
        }
        switch (outcome.Kind)
        {
            case OutcomeKind.Reached:
                return new ComparedQuantity(name, "probability", null, QuantityReading.Value, index, index);
            case OutcomeKind.FirstStep:
                return new ComparedQuantity(name, "happens", null, QuantityReading.Happened, index, index);
            case OutcomeKind.Value or OutcomeKind.StepsIn:
                return new ComparedQuantity(name, "mean", null, QuantityReading.Value, index, index);
        }
        var states = model.Scenario.Machines[outcome.Machine].States;
        var example = $"--outcome {name}={states[^1]}";
        if (string.IsNullOrEmpty(state))
        {
            problem = $"'{name}' is a final outcome: name the state whose probability to analyse, e.g. {example} (states: {string.Join(", ", states)})";
            return null;
        }
        var stateIndex = -1;
        for (var s = 0; s < states.Count; s++)
            if (states[s] == state) stateIndex = s;
        if (stateIndex < 0)
        {
            problem = $"machine '{model.Scenario.Machines[outcome.Machine].Name}' of outcome '{name}' has no state '{state}'"
                + $"{SpellingSuggestions.DidYouMean(state, states)}; its states are {string.Join(", ", states)}";
            return null;
        }
        return new ComparedQuantity(name, "probability", state, QuantityReading.InState, index, index, stateIndex, stateIndex);
    }

    /// <summary>True when the quantity is read as 1 or 0 per trial, so that its mean is a probability.</summary>
    public static bool IsShare(ComparedQuantity quantity) => quantity.Statistic is "probability" or "happens";

    /// <summary>A name for files about the quantity: the outcome, and for a final state <c>-STATE</c>.</summary>
    public static string FileStem(ComparedQuantity quantity) =>
        string.Concat((quantity.Category is null ? quantity.Outcome : $"{quantity.Outcome}-{quantity.Category}")
            .Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
