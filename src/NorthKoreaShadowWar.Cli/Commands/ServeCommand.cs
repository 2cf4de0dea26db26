using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Runtime.InteropServices;
using NorthKoreaShadowWar.Cli.Explorer;
using NorthKoreaShadowWar.Cli.Terminal;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Files;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Cli.Commands;

/// <summary>
/// <c>shadowwar serve [FILE]</c>: the explorer, a local web page with a slider for every parameter, the outcomes with
/// their intervals after each change, the state diagrams and sample paths told as stories. Serves only this machine
/// (127.0.0.1) unless <c>--host</c> says otherwise, and only the scenario files of one folder.
/// </summary>
internal static class ServeCommand
{
    internal sealed record Request(string? File, int Port, string Host, string? Scenarios, long Trials, long MaxTrials, long MaxTotalTrials)
    {
        /// <summary>The evidence files given with <c>--evidence</c>.</summary>
        public IReadOnlyList<string> Evidence { get; init; } = [];
    }

    public static Command Create()
    {
        var file = new Argument<string?>("FILE") { Description = "The scenario the page opens first (default: the first in the folder)", Arity = ArgumentArity.ZeroOrOne };
        var port = new Option<int>("--port") { Description = "The port to listen on; 0 picks a free one", DefaultValueFactory = _ => ExplorerOptions.DefaultPort };
        var host = new Option<string>("--host") { Description = "The address to listen on (default 127.0.0.1: this machine only)", DefaultValueFactory = _ => "127.0.0.1" };
        var scenarios = new Option<string?>("--scenarios") { Description = "The folder scenario files may be opened from (default: FILE's folder, else scenarios/)" };
        var trials = new Option<long>("--trials") { Description = "Trials of each update, rounded up to a multiple of 1,024", DefaultValueFactory = _ => 4 * RunSettings.BlockSize };
        var maxTrials = new Option<long>("--max-trials") { Description = "The most trials one request may run", DefaultValueFactory = _ => 100 * RunSettings.BlockSize };
        var maxTotal = new Option<long>("--max-total-trials") { Description = "The most trials 'run more' may add up to", DefaultValueFactory = _ => 1024 * RunSettings.BlockSize };
        var evidence = new Option<string[]>("--evidence")
        {
            Description = "An evidence file the page may condition the scenario on, checked against FILE (repeatable; files in the scenario folder's evidence/ are offered too)",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("serve", "Explore a scenario in the browser: sliders for parameters, outcomes with intervals, diagrams, sample paths")
        {
            file, port, host, scenarios, trials, maxTrials, maxTotal, evidence,
        };
        command.SetAction(parsed => Execute(new Request(parsed.GetValue(file), parsed.GetValue(port), parsed.GetValue(host)!, parsed.GetValue(scenarios),
            parsed.GetValue(trials), parsed.GetValue(maxTrials), parsed.GetValue(maxTotal)) { Evidence = parsed.GetValue(evidence) ?? [] }));
        return command;
    }

    [SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope", Justification = "The server is disposed in the finally block, through DisposeAsync, which the rule does not follow.")]
    public static int Execute(Request request)
    {
        if (Options(request, out var problem) is not { } options) return Usage(problem!);
        if (Warning(options) is { } warning) Console.Error.WriteLine(warning);
        if (request.File is not null)
        {
            if (ScenarioPreparation.TryPrepare(request.File, null, []) is not { } prepared) return Program.BadInput;
            if (!EvidenceFits(options.Evidence, prepared)) return Program.BadInput;
        }
        ExplorerServer server;
        try
        {
            server = ExplorerServer.StartAsync(options).GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"shadowwar serve: cannot listen on {options.Address}:{options.Port}: {e.Message}");
            return Program.RunFailure;
        }
        try
        {
            var stopped = new TaskCompletionSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stopped.TrySetResult();
            };
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stopped.TrySetResult();
            });
            Console.WriteLine($"Explorer of {options.Scenarios.Root}{(options.DefaultScenario is { } first ? $", opening {first}" : "")}");
            Console.WriteLine($"Open {server.Url} in a browser; Ctrl-C stops it.");
            Console.Out.Flush();
            stopped.Task.GetAwaiter().GetResult();
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return Program.Ok;
    }

    /// <summary>Reads every evidence file given against the scenario the page opens first and prints its problems; false when one has errors.</summary>
    private static bool EvidenceFits(IReadOnlyList<GivenEvidence> evidence, PreparedScenario prepared)
    {
        var diagnostics = new DiagnosticBag();
        foreach (var file in evidence) EvidenceFileReader.Read(file.Path, prepared.Model.Scenario, diagnostics);
        DiagnosticPrinter.Print(diagnostics.Sorted());
        return !diagnostics.HasErrors;
    }

    /// <summary>The warning printed when the server can be reached from other machines; null for loopback.</summary>
    internal static string? Warning(ExplorerOptions options) => options.LoopbackOnly ? null
        : $"shadowwar serve: warning: listening on {options.Address}, beyond this machine: anyone who can reach it can open " +
          $"the scenarios of {options.Scenarios.Root} and run simulations here. Leave out --host to serve this machine only.";

    /// <summary>The server's options from the command line, or null with what is wrong.</summary>
    internal static ExplorerOptions? Options(Request request, out string? problem)
    {
        problem = null;
        if (request.Port is < 0 or > 65535) problem = $"--port must be between 0 and 65535, got {request.Port}";
        else if (request.Trials < 1 || request.Trials > request.MaxTrials) problem = $"--trials must be between 1 and --max-trials ({request.MaxTrials:N0}), got {request.Trials}";
        else if (request.MaxTrials < 1 || request.MaxTrials > 100_000_000) problem = $"--max-trials must be between 1 and 100,000,000, got {request.MaxTrials}";
        else if (request.MaxTotalTrials < request.MaxTrials || request.MaxTotalTrials > RunSettings.MaximumTrials)
            problem = $"--max-total-trials must be between --max-trials and {RunSettings.MaximumTrials:N0}, got {request.MaxTotalTrials}";
        if (problem is not null) return null;
        IPAddress? address = request.Host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(request.Host.Trim('[', ']'), out var parsed) ? parsed : null;
        if (address is null)
        {
            problem = $"--host must be an IP address such as 127.0.0.1, ::1 or 0.0.0.0 (or localhost), got '{request.Host}'";
            return null;
        }
        var folderPath = request.Scenarios ?? (request.File is not null ? Path.GetDirectoryName(Path.GetFullPath(request.File))! : "scenarios");
        ScenarioFolder folder;
        try
        {
            folder = new ScenarioFolder(folderPath);
        }
        catch (DirectoryNotFoundException)
        {
            problem = $"the scenario folder {folderPath} does not exist; give one with --scenarios DIR";
            return null;
        }
        string? first = null;
        if (request.File is not null)
        {
            if (!File.Exists(request.File))
            {
                problem = $"no file {request.File}";
                return null;
            }
            first = folder.NameOf(request.File);
            if (first is null)
            {
                problem = $"{request.File} is not in the scenario folder {folder.Root}; give its folder with --scenarios DIR";
                return null;
            }
        }
        if (GivenEvidence(request.Evidence, folder, out problem) is not { } evidence) return null;
        var block = RunSettings.BlockSize;
        return new ExplorerOptions
        {
            Scenarios = folder,
            DefaultScenario = first,
            Evidence = evidence,
            Address = address,
            Port = request.Port,
            DefaultTrials = (int)((request.Trials + block - 1) / block * block),
            MaxTrialsPerRequest = (int)((request.MaxTrials + block - 1) / block * block),
            MaxTotalTrials = (request.MaxTotalTrials + block - 1) / block * block,
        };
    }

    /// <summary>
    /// The evidence files given, each named for the page by its path relative to the scenario folder when it lies
    /// inside, else by its file name; null with what is wrong when one is missing, not a regular file, or two share a name.
    /// </summary>
    internal static IReadOnlyList<GivenEvidence>? GivenEvidence(IReadOnlyList<string> files, ScenarioFolder folder, out string? problem)
    {
        problem = null;
        var given = new List<GivenEvidence>();
        foreach (var file in files)
        {
            if (!File.Exists(file)) problem = $"--evidence: no file {file}";
            else if (BoundedFile.WhyNotRegular(file) is { } irregular) problem = $"--evidence: {file} {irregular}";
            if (problem is not null) return null;
            var name = folder.NameOf(file) ?? Path.GetFileName(file);
            if (given.FirstOrDefault(g => g.Name == name) is { } other)
            {
                if (other.Path == Path.GetFullPath(file)) continue;
                problem = $"--evidence: {other.Path} and {file} would both be offered as '{name}'; give only one of them, or rename one";
                return null;
            }
            given.Add(new GivenEvidence(name, Path.GetFullPath(file)));
        }
        return given;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"shadowwar serve: {message}");
        return Program.BadInput;
    }
}
