namespace NorthKoreaShadowWar.Diagnostics;

/// <summary>
/// Thrown when a scenario cannot be loaded, validated or run because of the user's input.
/// Carries every problem found; the command line prints them and exits with code 2.
/// </summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public ScenarioException(IReadOnlyList<Diagnostic> diagnostics)
        : base(string.Join(Environment.NewLine, diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every problem found, errors and warnings.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
