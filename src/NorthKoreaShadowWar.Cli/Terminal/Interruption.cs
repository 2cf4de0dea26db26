using System.Runtime.InteropServices;
using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar.Cli.Terminal;

/// <summary>
/// Ctrl-C (SIGINT) or SIGTERM (how Slurm and Kubernetes stop a job) while a command runs. For a command that can stop
/// gracefully, the first signal cancels <see cref="Token"/>: the trials in progress finish and the command writes the
/// results of the trials completed, then exits with <see cref="ExitCode"/> (130 after Ctrl-C, 143 after SIGTERM). A second
/// signal, or the first for a command that cannot stop gracefully, exits at once with that code, deleting the temporary
/// folder of any results being written (results are written to a temporary folder and renamed, so no half-written folder
/// is ever left under the target's name).
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly bool graceful;
    private readonly PosixSignalRegistration? termination;
    private int signals;
    private int exitCode = Program.Interrupted;

    private Interruption(bool graceful)
    {
        this.graceful = graceful;
        Console.CancelKeyPress += OnCancelKeyPress;
        if (!OperatingSystem.IsWindows()) termination = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnTerminate);
    }

    /// <summary>Cancelled by the first signal when the command stops gracefully.</summary>
    public CancellationToken Token => source.Token;

    /// <summary>The exit code for the first signal received: <see cref="Program.Interrupted"/> or <see cref="Program.Terminated"/>.</summary>
    public int ExitCode => Volatile.Read(ref exitCode);

    /// <summary>Listens for Ctrl-C and SIGTERM until disposed.</summary>
    public static Interruption Listen(bool graceful) => new(graceful);

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        termination?.Dispose();
        source.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        Stop("Ctrl-C", Program.Interrupted);
    }

    private void OnTerminate(PosixSignalContext context)
    {
        context.Cancel = true;
        Stop("SIGTERM", Program.Terminated);
    }

    private void Stop(string signal, int code)
    {
        var first = Interlocked.Increment(ref signals) == 1;
        if (first) Volatile.Write(ref exitCode, code);
        if (graceful && first)
        {
            Console.Error.WriteLine($"interrupted ({signal}): finishing the trials in progress, then writing the results of the trials completed "
                + "(Ctrl-C or SIGTERM again to stop at once, writing nothing)");
            source.Cancel();
            return;
        }
        ResultsFolder.DeleteTemporaryFolders();
        Console.Error.WriteLine($"interrupted ({signal}): stopped at once; no results were written");
        Environment.Exit(ExitCode);
    }
}
