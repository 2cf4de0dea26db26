using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Scenarios;

/// <summary>
/// Readable text attached to a state or a transition: a short <see cref="Label"/> for tables and diagrams,
/// and a <see cref="Narrative"/> sentence that <c>shadowwar trace</c> tells when it happens. Narratives may name
/// variables and machines in braces, e.g. <c>"{troops} troops deployed"</c> or <c>"as {role}"</c>.
/// <see cref="NarrativeSource"/> says where each character of the narrative was written.
/// </summary>
internal sealed record StoryText(string? Label, string? Narrative, SourceMap? NarrativeSource = null);
