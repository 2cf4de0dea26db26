namespace NorthKoreaShadowWar.Reference;

/// <summary>The reference simulator's count of one outcome.</summary>
/// <param name="Name">The outcome's name in the scenario.</param>
internal abstract record ReferenceOutcome(string Name);
