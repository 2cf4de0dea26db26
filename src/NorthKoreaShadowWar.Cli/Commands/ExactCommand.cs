using System.CommandLine;
using NorthKoreaShadowWar.Cli.Terminal;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Exact;
using NorthKoreaShadowWar.Reporting;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Cli.Commands;

/// <summary>
/// <c>shadowwar exact FILE</c>: exact answers by propagating the joint distribution of the machines' states,
/// for scenarios with fixed parameters whose transitions and outcomes read only states. Writes the same results
/// folder as <c>run</c>, with intervals of zero width. With <c>--evidence</c>, the answer conditioned on an evidence
/// file (see docs/updating.md), the prior in <c>prior/</c>.
/// </summary>
internal static class ExactCommand
{
    internal sealed record Request(string File, string? Variant, IReadOnlyList<string> Overrides, string? Out, bool Force, string? Evidence = null);

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The scenario file (YAML)" };
        var variant = new Option<string?>("--variant") { Description = "Apply a named variant of the scenario" };
        var set = new Option<string[]>("--set") { Description = "Override a parameter: name=value (repeatable)" };
        var output = new Option<string?>("--out") { Description = "Results folder (default out/<name>[-<variant>]-exact)" };
        var force = new Option<bool>("--force") { Description = "Replace the results folder if it exists" };
        var evidence = new Option<string?>("--evidence") { Description = "Condition on an evidence file (YAML, see docs/updating.md); default folder out/<name>[-<variant>]-exact-updated" };
        var command = new Command("exact", "Exact answers by propagating the joint distribution (fixed parameters, outcomes over states)")
        {
            file, variant, set, output, force, evidence,
        };
        command.SetAction(parsed => Execute(new Request(parsed.GetValue(file)!, parsed.GetValue(variant), parsed.GetValue(set) ?? [],
            parsed.GetValue(output), parsed.GetValue(force), parsed.GetValue(evidence))));
        return command;
    }

    public static int Execute(Request request)
    {
        if (ScenarioPreparation.TryPrepare(request.File, request.Variant, request.Overrides) is not { } prepared) return Program.BadInput;
        if (request.Evidence is not null) return Conditioned(request, prepared);
        var scenario = prepared.Model.Scenario.Source;
        if (OutputTarget.Choose(request.Out, CommonOptions.DefaultFolder(scenario.Name, request.Variant) + "-exact", request.Force, [request.File])
            is not var (target, existing)) return Program.BadInput;
        RunResult result;
        try
        {
            result = ExactSolver.Solve(prepared.Model);
        }
        catch (ExactNotPossibleException e)
        {
            Console.Error.WriteLine($"{request.File}: error: no exact answer: {e.Message}");
            return Program.BadInput;
        }
        catch (SimulationException e)
        {
            Console.Error.WriteLine($"{request.File}: error: {e.Message}");
            return Program.RunFailure;
        }
        if (!ResultsFolderWriting.TryWrite(target, existing, directory =>
        {
            ResultsWriter.WriteAll(result, directory);
            ReportWriter.Write(result, prepared.Model.Scenario, directory);
        })) return Program.RunFailure;
        OutcomeTable.Print(result, target);
        return Program.Ok;
    }

    /// <summary><c>--evidence</c>: the exact answer conditioned on the evidence file, beside the prior.</summary>
    private static int Conditioned(Request request, PreparedScenario prepared)
    {
        if (ScenarioPreparation.TryReadEvidence(request.Evidence!, prepared) is not { } evidence) return Program.BadInput;
        var problems = new DiagnosticBag();
        ConditionedExactSolver.Check(evidence, problems);
        DiagnosticPrinter.Print(problems.Sorted());
        if (problems.HasErrors) return Program.BadInput;
        var scenario = prepared.Model.Scenario.Source;
        if (OutputTarget.Choose(request.Out, CommonOptions.DefaultFolder(scenario.Name, request.Variant) + "-exact-updated", request.Force, [request.File, request.Evidence!])
            is not var (target, existing)) return Program.BadInput;
        ConditionedExactResult result;
        try
        {
            if (!EvidenceRun.TryRun(request.File, () => ConditionedExactSolver.Solve(prepared.Model, evidence), out result, out var failure)) return failure;
        }
        catch (ExactNotPossibleException e)
        {
            Console.Error.WriteLine($"{request.File}: error: no exact answer: {e.Message}");
            return Program.BadInput;
        }
        if (!PosteriorFolderWriting.TryWrite(target, existing, result.Posterior, result.Prior, prepared.Model.Scenario,
                summary => EvidenceJson.AddExactTo(summary, evidence, result.LogMarginalLikelihood, result.Changes), lead: null)) return Program.RunFailure;
        OutcomeTable.Print(result.Posterior, target);
        Console.WriteLine($"{evidence.Path}: {evidence.Observations.Count} observations up to step {evidence.AsOf}; log marginal likelihood {result.LogMarginalLikelihood.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)} (exact)");
        EvidenceChanges.Print(result.Changes);
        return Program.Ok;
    }
}
