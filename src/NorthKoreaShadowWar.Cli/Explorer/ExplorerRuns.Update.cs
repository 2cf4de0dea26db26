using System.Diagnostics;
using System.Security.Cryptography;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Cli.Explorer;

/// <summary>A run conditioned on evidence: <c>POST /api/run</c> with <c>evidence</c> (see docs/explorer.md, "Conditioning on evidence").</summary>
internal sealed partial class ExplorerRuns
{
    /// <summary>
    /// The most particles an update may reach: it runs its particles and as many trials of the prior beside them, and
    /// both together must fit in <see cref="ExplorerOptions.MaxTrialsPerRequest"/>; whole blocks of <see cref="UpdateSettings.BlockSize"/>.
    /// </summary>
    private long MaxParticles => Math.Min(options.MaxTrialsPerRequest / 2, options.MaxTotalTrials) / UpdateSettings.BlockSize * UpdateSettings.BlockSize;

    /// <summary>
    /// The scenario with the request's variant and overrides, conditioned on the evidence file the request names, with
    /// the prior beside it: exactly what <see cref="UpdateRunner"/> gives for the same settings, seed and From + Trials
    /// particles (sequential Monte Carlo). All of them are run by this request, unless the same update is still kept;
    /// with the prior's trials, never more than <see cref="ExplorerOptions.MaxTrialsPerRequest"/>.
    /// </summary>
    private async Task<object> UpdateAsync(ExplorerRequest request, CancellationToken cancellation)
    {
        var stopwatch = Stopwatch.StartNew();
        var (from, trials) = CheckedCounts(request, UpdateSettings.BlockSize, "particles");
        var particles = from + trials;
        if (particles > MaxParticles)
            throw new ExplorerRequestException(400, $"conditioning on evidence runs {particles:N0} particles and as many trials of the prior beside them, " +
                $"{2 * particles:N0} trials in all, more than the {options.MaxTrialsPerRequest:N0} one request may run" +
                (MaxParticles > 0 ? $"; at most {MaxParticles:N0} particles" : $"; start the explorer with --max-trials {2 * UpdateSettings.BlockSize} or more to condition on evidence"));
        var seed = request.Seed ?? 1;
        var model = Prepare(request.Scenario, request.Variant, Overrides(request.Set));
        var (evidenceFile, key, evidenceWarnings) = ReadEvidence(request.Evidence!, model);
        await TakeSlot(cancellation);
        try
        {
            var result = model.LastUpdate(key, seed, particles);
            var simulated = 0L;
            if (result is null)
            {
                var settings = new UpdateSettings { Trials = particles, Seed = seed, Threads = options.Threads, Method = UpdateMethod.Smc };
                var compiled = model.Prepared.Model;
                // An update the page has given up on stops at its next block (see UpdateRunner) and is not kept.
                result = await Task.Run(() => UpdateRunner.Run(compiled, evidenceFile, settings, cancellation: cancellation), cancellation);
                simulated = 2 * particles;
                model.RememberUpdate(key, seed, particles, result);
            }
            var warnings = model.Prepared.Warnings.Concat(evidenceWarnings).Select(FieldDiagnostic.From).ToList();
            return RunJson.From(result, simulated, stopwatch.Elapsed, warnings);
        }
        catch (EvidenceImpossibleException e)
        {
            throw new ExplorerRequestException(400, "evidence: " + e.Message, [new FieldDiagnostic(e.Message, null, "error")], field: "evidence");
        }
        catch (SimulationException e)
        {
            throw RunFailure(model, e);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>
    /// The evidence file <paramref name="name"/> read and checked against the model's scenario, with a key that changes
    /// when its text does, and its warnings.
    /// </summary>
    /// <exception cref="ExplorerRequestException">400 naming the field <c>evidence</c>: no such file, or it does not fit the scenario.</exception>
    private (EvidenceFile File, string Key, IReadOnlyList<Diagnostic> Warnings) ReadEvidence(string name, ExploredModel model)
    {
        var bytes = evidence.Read(name);
        var diagnostics = new DiagnosticBag();
        var file = EvidenceFileReader.Parse(bytes, name, model.Prepared.Model.Scenario, diagnostics);
        var sorted = diagnostics.Sorted();
        if (file is null || diagnostics.HasErrors)
        {
            var problems = sorted.Where(d => d.Severity == DiagnosticSeverity.Error).Select(FieldDiagnostic.From).ToList();
            throw new ExplorerRequestException(400, $"evidence: '{name}' does not fit the scenario '{model.File}': {problems.FirstOrDefault()?.Message}", problems, "evidence");
        }
        return (file, name + "\n" + Convert.ToHexString(SHA256.HashData(bytes)), sorted.Where(d => d.Severity != DiagnosticSeverity.Error).ToList());
    }
}
