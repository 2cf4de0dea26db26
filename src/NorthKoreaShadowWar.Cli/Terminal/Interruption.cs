using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar.Cli.Terminal;

/// <summary>
/// Ctrl-C while a command runs. For a command that can stop gracefully, the first Ctrl-C cancels <see cref="Token"/>:
/// the trials in progress finish and the command writes the results of the trials completed, then exits with
/// <see cref="Program.Interrupted"/>. A second Ctrl-C, or the first for a command that cannot stop gracefully, exits at
/// once with the same code, deleting the temporary folder of any results being written (results are written to a
/// temporary folder and renamed, so no half-written folder is ever left under the target's name).
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly bool graceful;
    private int presses;

    private Interruption(bool graceful)
    {
        this.graceful = graceful;
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    /// <summary>Cancelled by the first Ctrl-C when the command stops gracefully.</summary>
    public CancellationToken Token => source.Token;

    /// <summary>Listens for Ctrl-C until disposed.</summary>
    public static Interruption Listen(bool graceful) => new(graceful);

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        source.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        if (graceful && Interlocked.Increment(ref presses) == 1)
        {
            Console.Error.WriteLine("interrupted: finishing the trials in progress, then writing the results of the trials completed (Ctrl-C again to stop at once, writing nothing)");
            source.Cancel();
            return;
        }
        ResultsFolder.DeleteTemporaryFolders();
        Console.Error.WriteLine("interrupted: stopped at once; no results were written");
        Environment.Exit(Program.Interrupted);
    }
}
