namespace NorthKoreaShadowWar.Cli.Explorer;

/// <summary>
/// A request the explorer cannot serve because of what was asked (a bad name, a value that makes the scenario
/// invalid, a limit exceeded, evidence the scenario cannot produce): answered with <see cref="StatusCode"/> and a JSON
/// body naming the problem, never a server error page.
/// </summary>
internal sealed class ExplorerRequestException(int statusCode, string message, IReadOnlyList<FieldDiagnostic>? diagnostics = null, string? field = null)
    : Exception(message)
{
    /// <summary>The HTTP status of the answer: 400, 404, 413, 415 or 503.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>The engine's diagnostics, each with the parameter it is about when one can be told.</summary>
    public IReadOnlyList<FieldDiagnostic> Diagnostics { get; } = diagnostics ?? [];

    /// <summary>The member of the request the problem is about when it is not a parameter's value (<c>evidence</c>), else null.</summary>
    public string? Field { get; } = field;
}
