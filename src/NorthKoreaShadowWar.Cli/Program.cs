using System.CommandLine;
using System.Globalization;
using NorthKoreaShadowWar.Cli.Commands;

namespace NorthKoreaShadowWar.Cli;

/// <summary>The <c>shadowwar</c> command line. Exit codes: 0 ok, 1 run-time failure, 2 bad input or usage, 130 Ctrl-C, 143 SIGTERM.</summary>
public static class Program
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;
    /// <summary>Exit code for a failure while running (a probability above 1 in some trial, a disk error).</summary>
    public const int RunFailure = 1;
    /// <summary>Exit code for bad input: a scenario error, a bad option.</summary>
    public const int BadInput = 2;
    /// <summary>Exit code after Ctrl-C (128 + SIGINT, as shells report it): partial results or none were written.</summary>
    public const int Interrupted = 130;
    /// <summary>Exit code after SIGTERM (128 + 15), how Slurm and Kubernetes stop a job: handled as Ctrl-C is.</summary>
    public const int Terminated = 143;

    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        // What shadowwar reads from its command line and writes and prints reads the same on every machine (README,
        // "Results"): numbers, dates and plot labels are in the invariant culture, on this thread and every worker thread.
        var (culture, threadCulture) = (CultureInfo.CurrentCulture, CultureInfo.DefaultThreadCurrentCulture);
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return Invoke(args);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.DefaultThreadCurrentCulture = threadCulture;
        }
    }

    private static int Invoke(string[] args)
    {
        var root = new RootCommand("shadowwar: Monte Carlo escalation scenarios as coupled probabilistic state machines");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(TraceCommand.Create());
        root.Subcommands.Add(ExactCommand.Create());
        root.Subcommands.Add(GraphCommand.Create());
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(SweepCommand.Create());
        root.Subcommands.Add(SensitivityCommand.Create());
        root.Subcommands.Add(ScoreCommand.Create());
        root.Subcommands.Add(UpdateCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(MergeCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        var noCodegen = new Option<bool>("--no-codegen")
        {
            Description = "Interpret each scenario's per-step code instead of compiling it to .NET code: the same numbers, slower (also SHADOWWAR_NO_CODEGEN=1)",
            Recursive = true,
        };
        root.Options.Add(noCodegen);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) Console.Error.WriteLine($"shadowwar: {error.Message}");
            Console.Error.WriteLine("Run 'shadowwar --help' for usage.");
            return BadInput;
        }
        var generatedCode = NorthKoreaShadowWar.Simulation.CodeGeneration.ByDefault;
        if (parsed.GetValue(noCodegen)) NorthKoreaShadowWar.Simulation.CodeGeneration.ByDefault = false;
        try
        {
            return parsed.Invoke();
        }
        finally
        {
            NorthKoreaShadowWar.Simulation.CodeGeneration.ByDefault = generatedCode;
        }
    }
}
