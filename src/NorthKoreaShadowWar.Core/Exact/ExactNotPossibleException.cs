namespace NorthKoreaShadowWar.Exact;

/// <summary>The scenario cannot be solved exactly; the message says why and what to do instead.</summary>
public sealed class ExactNotPossibleException(string message) : Exception(message);
