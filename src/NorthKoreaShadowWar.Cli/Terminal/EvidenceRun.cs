using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Cli.Terminal;

/// <summary>
/// Runs the work of a command on evidence (<c>update</c>, <c>exact --evidence</c>, <c>check</c>) and turns its two
/// expected failures into an error line and an exit code: evidence no trial (or path) is consistent with, exit 2 at the
/// observation's line and column; a scenario that fails at run time, exit 1.
/// </summary>
internal static class EvidenceRun
{
    /// <summary>True with <paramref name="result"/> when <paramref name="run"/> succeeded; else false with the exit code, the error printed.</summary>
    public static bool TryRun<T>(string file, Func<T> run, out T result, out int exitCode)
    {
        try
        {
            result = run();
            exitCode = Program.Ok;
            return true;
        }
        catch (EvidenceImpossibleException e)
        {
            Console.Error.WriteLine(e.Message);
            exitCode = Program.BadInput;
        }
        catch (SimulationException e)
        {
            Console.Error.WriteLine($"{file}: error: {e.Message}");
            exitCode = Program.RunFailure;
        }
        result = default!;
        return false;
    }
}
