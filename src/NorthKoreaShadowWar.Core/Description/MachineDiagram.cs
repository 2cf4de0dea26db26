namespace NorthKoreaShadowWar.Description;

/// <summary>The state diagram of one machine.</summary>
/// <param name="Name">The machine's name, as written in the scenario.</param>
/// <param name="Text">The diagram in the format it was asked for, without a leading comment line.</param>
internal sealed record MachineDiagram(string Name, string Text);
