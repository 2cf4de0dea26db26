using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Scenarios;

/// <summary>A value read from a scenario file, with the place it was written.</summary>
internal readonly record struct Located<T>(T Value, SourcePosition Position);
