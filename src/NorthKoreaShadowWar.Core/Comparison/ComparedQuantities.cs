namespace NorthKoreaShadowWar.Comparison;

/// <summary>Matches the outcomes of two runs by name and lists the quantities to compare.</summary>
internal static class ComparedQuantities
{
    /// <summary>
    /// The quantities both runs report, in A's order: each probability; each distribution's mean (for a first step,
    /// the chance it happens and the mean step when it does); each state of a categorical outcome. Outcomes of
    /// different kinds, or only in one run, are listed in <paramref name="unmatched"/>.
    /// </summary>
    public static IReadOnlyList<ComparedQuantity> Match(IReadOnlyList<OutcomeShape> a, IReadOnlyList<OutcomeShape> b, out IReadOnlyList<string> unmatched)
    {
        var quantities = new List<ComparedQuantity>();
        var notes = new List<string>();
        for (var i = 0; i < a.Count; i++)
        {
            var outcome = a[i];
            var j = IndexOf(b, outcome.Name);
            if (j < 0)
            {
                notes.Add($"{outcome.Name}: only in A");
                continue;
            }
            var other = b[j];
            switch (outcome.Kind)
            {
                case var kind when kind != other.Kind || outcome.HasNever != other.HasNever:
                    notes.Add($"{outcome.Name}: {Describe(outcome)} in A but {Describe(other)} in B");
                    break;
                case "probability":
                    quantities.Add(new(outcome.Name, "probability", null, QuantityReading.Value, i, j));
                    break;
                case "distribution" when outcome.HasNever:
                    quantities.Add(new(outcome.Name, "happens", null, QuantityReading.Happened, i, j));
                    quantities.Add(new(outcome.Name, "mean when it happens", null, QuantityReading.Unpaired, i, j));
                    break;
                case "distribution":
                    quantities.Add(new(outcome.Name, "mean", null, QuantityReading.Value, i, j));
                    break;
                default:
                    for (var s = 0; s < outcome.Categories.Count; s++)
                    {
                        var state = outcome.Categories[s];
                        var t = Position(other.Categories, state);
                        if (t < 0) notes.Add($"{outcome.Name} = {state}: only in A");
                        else quantities.Add(new(outcome.Name, "probability", state, QuantityReading.InState, i, j, s, t));
                    }
                    break;
            }
        }
        notes.AddRange(b.Where(o => IndexOf(a, o.Name) < 0).Select(o => $"{o.Name}: only in B"));
        unmatched = notes;
        return quantities;
    }

    private static string Describe(OutcomeShape outcome) => outcome.HasNever ? "a first-step distribution" : $"a {outcome.Kind} outcome";

    private static int IndexOf(IReadOnlyList<OutcomeShape> outcomes, string name) => Position(outcomes.Select(o => o.Name).ToList(), name);

    private static int Position(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
            if (names[i] == name) return i;
        return -1;
    }
}
