namespace NorthKoreaShadowWar.Reference;

/// <summary>A <c>final</c> outcome: how many trials ended in each state of the machine.</summary>
/// <param name="Name">The outcome's name.</param>
/// <param name="Counts">Each state of the machine, in file order, with the number of trials that ended in it.</param>
/// <param name="Trials">All trials.</param>
internal sealed record ReferenceCategorical(string Name, IReadOnlyList<(string State, long Count)> Counts, long Trials) : ReferenceOutcome(Name)
{
    /// <summary>The share of trials that ended in <paramref name="state"/>.</summary>
    public double Share(string state) => (double)Counts.Single(c => c.State == state).Count / Trials;
}
