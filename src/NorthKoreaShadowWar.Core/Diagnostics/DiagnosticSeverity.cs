namespace NorthKoreaShadowWar.Diagnostics;

/// <summary>How serious a problem in a scenario is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Suspicious but runnable: an unreachable state, a transition that is never enabled.</summary>
    Warning,

    /// <summary>The scenario cannot be run until this is fixed.</summary>
    Error,
}
