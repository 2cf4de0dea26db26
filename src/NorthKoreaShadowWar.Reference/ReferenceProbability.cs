namespace NorthKoreaShadowWar.Reference;

/// <summary>A <c>reached</c> outcome: in how many of the trials the condition first held by step <c>within</c>.</summary>
/// <param name="Name">The outcome's name.</param>
/// <param name="Successes">Trials in which the condition held at some step 0..within.</param>
/// <param name="Trials">All trials.</param>
internal sealed record ReferenceProbability(string Name, long Successes, long Trials) : ReferenceOutcome(Name)
{
    /// <summary>The share of trials that succeeded.</summary>
    public double Estimate => (double)Successes / Trials;
}
