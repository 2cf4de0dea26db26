using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar.Cli.Terminal;

/// <summary>Writes a results folder for a command, saying where earlier results were kept and why writing failed.</summary>
internal static class ResultsFolderWriting
{
    /// <summary>
    /// Writes <paramref name="target"/> with <paramref name="write"/> (see <see cref="ResultsFolder.Write"/>); true when
    /// done, false after printing why it could not be written (the command then exits with <see cref="Program.RunFailure"/>).
    /// </summary>
    public static bool TryWrite(string target, ResultsFolder.ExistingFolder existing, Action<string> write)
    {
        try
        {
            var kept = ResultsFolder.Write(target, existing, write);
            if (kept is not null) Console.Error.WriteLine($"previous results kept in {Path.GetRelativePath(Environment.CurrentDirectory, kept)}");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot write results to {target}: {e.Message}");
            return false;
        }
    }
}
