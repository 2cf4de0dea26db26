using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar.Cli.Terminal;

/// <summary>Writes a results folder for a command, saying where earlier results were kept and why writing failed.</summary>
internal static class ResultsFolderWriting
{
    /// <summary>
    /// Writes <paramref name="target"/> with <paramref name="write"/> (see <see cref="ResultsFolder.Write"/>); true when
    /// done, false after printing why it could not be written (the command then exits with <see cref="Program.RunFailure"/>).
    /// Earlier results replaced but not deleted are a warning, not a failure: the new results are in place.
    /// </summary>
    public static bool TryWrite(string target, ResultsFolder.ExistingFolder existing, Action<string> write)
    {
        try
        {
            var written = ResultsFolder.Write(target, existing, write);
            if (written.KeptIn is { } kept) Console.Error.WriteLine($"previous results kept in {Path.GetRelativePath(Environment.CurrentDirectory, kept)}");
            if (written.LeftIn is { } left)
                Console.Error.WriteLine($"warning: the new results are in {target}, but the earlier ones could not be deleted and are left in {left}: {written.WhyLeft}");
            return true;
        }
        catch (Exception e) when (WriteFailure(e) is { } failure)
        {
            Console.Error.WriteLine($"error: cannot write results to {target}: {failure.Message}");
            return false;
        }
    }

    /// <summary>
    /// The file-system error behind <paramref name="e"/>, or null for any other exception: writers that work in parallel
    /// (the plots) wrap theirs in an <see cref="AggregateException"/>.
    /// </summary>
    internal static Exception? WriteFailure(Exception e) => e switch
    {
        IOException or UnauthorizedAccessException => e,
        AggregateException aggregate when aggregate.Flatten().InnerExceptions.All(inner => WriteFailure(inner) is not null) =>
            WriteFailure(aggregate.Flatten().InnerExceptions[0]),
        _ => null,
    };
}
