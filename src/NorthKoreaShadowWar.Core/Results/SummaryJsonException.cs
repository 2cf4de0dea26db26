using System.Globalization;

namespace NorthKoreaShadowWar.Results;

/// <summary>
/// Thrown when a file cannot be read as a <c>summary.json</c>: not JSON, a required field missing or of the wrong
/// type, or an outcome of a kind this engine does not know. The message names the file, and the line and column
/// where the JSON itself is malformed (<c>FILE:LINE:COL: error: message</c>); the command line prints it and exits 2.
/// </summary>
internal sealed class SummaryJsonException : Exception
{
    /// <summary>Creates the exception for <paramref name="file"/>, at a 1-based <paramref name="line"/> and <paramref name="column"/> when known.</summary>
    public SummaryJsonException(string file, string problem, long? line = null, long? column = null, Exception? inner = null)
        : base(line is { } l ? string.Create(CultureInfo.InvariantCulture, $"{file}:{l}:{column ?? 1}: error: {problem}") : $"{file}: error: {problem}", inner)
    {
        File = file;
        Problem = problem;
        Line = line;
        Column = column;
    }

    /// <summary>The file as it was named.</summary>
    public string File { get; }

    /// <summary>What is wrong, without the file name.</summary>
    public string Problem { get; }

    /// <summary>The 1-based line of a JSON syntax error; null for a problem of shape (a missing field, an unknown kind).</summary>
    public long? Line { get; }

    /// <summary>The 1-based column (in bytes) of a JSON syntax error; null for a problem of shape.</summary>
    public long? Column { get; }
}
