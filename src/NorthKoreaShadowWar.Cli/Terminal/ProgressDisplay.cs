using System.Diagnostics;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Simulation;
using Spectre.Console;

namespace NorthKoreaShadowWar.Cli.Terminal;

/// <summary>
/// Runs the trials while showing progress: nothing for runs under a second; a progress bar with the time
/// left when standard error is a terminal; otherwise a plain line every few seconds.
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PlainLineInterval = TimeSpan.FromSeconds(5);

    public static SimulationResult Run(CompiledModel model, RunSettings settings, CancellationToken cancellation = default)
    {
        // A later batch of a precision-controlled run names its range, so the bar does not seem to start over.
        var description = settings.FirstTrial == 0 ? $"{settings.Trials:N0} trials"
            : $"trials {settings.FirstTrial + 1:N0}–{settings.FirstTrial + settings.Trials:N0}";
        return Track(progress => MonteCarloRunner.Run(model, settings, progress, cancellation), settings.Trials, description, "trials");
    }

    /// <summary>
    /// Runs <paramref name="work"/>, which reports how many of <paramref name="total"/> <paramref name="units"/> it has
    /// done, and shows its progress; returns its result.
    /// </summary>
    public static T Track<T>(Func<Action<long>, T> work, long total, string description, string units)
    {
        long completed = 0;
        var run = Task.Run(() => work(done => Interlocked.Exchange(ref completed, done)));
        if (Finished(run, QuietPeriod)) return run.GetAwaiter().GetResult();
        if (!Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(context =>
                {
                    var task = context.AddTask(description, maxValue: total);
                    while (!Finished(run, TimeSpan.FromMilliseconds(100))) task.Value = Interlocked.Read(ref completed);
                    task.Value = total;
                });
        }
        else
        {
            var stopwatch = Stopwatch.StartNew();
            while (!Finished(run, PlainLineInterval))
            {
                var done = Interlocked.Read(ref completed);
                var left = done == 0 ? "" : $", about {TimeSpan.FromSeconds(stopwatch.Elapsed.TotalSeconds * (total - done) / done):hh\\:mm\\:ss} left";
                Console.Error.WriteLine($"progress: {100.0 * done / total:F0}% ({done:N0} of {total:N0} {units}){left}");
            }
        }
        return run.GetAwaiter().GetResult();
    }

    /// <summary>Waits for the run without throwing: its own exception surfaces, unwrapped, from GetAwaiter().GetResult().</summary>
    private static bool Finished(Task run, TimeSpan timeout) => ((IAsyncResult)run).AsyncWaitHandle.WaitOne(timeout);
}
