using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Cli.Explorer;

/// <summary>
/// A compiled scenario (one file, variant and set of overrides) kept between requests, with the last result computed
/// for it (and the last update on evidence), so that "run more" continues that result and going back to earlier settings costs nothing.
/// </summary>
internal sealed class ExploredModel(string file, PreparedScenario prepared)
{
    private readonly Lock gate = new();
    private SimulationResult? last;
    private (string Evidence, ulong Seed, long Particles, UpdateResult Result)? lastUpdate;

    /// <summary>The file's name in the scenario folder.</summary>
    public string File { get; } = file;

    /// <summary>The compiled scenario with its warnings.</summary>
    public PreparedScenario Prepared { get; } = prepared;

    /// <summary>When it was last used, on the cache's clock.</summary>
    public long LastUsed { get; set; }

    /// <summary>The last result computed with <paramref name="seed"/> if it covers exactly <paramref name="trials"/> trials from trial 0; else null.</summary>
    public SimulationResult? Last(ulong seed, long trials)
    {
        lock (gate)
            return last is { } result && result.Settings.Seed == seed && result.Trials == trials && result.Settings.FirstTrial == 0 ? result : null;
    }

    /// <summary>Keeps <paramref name="result"/> as the last result.</summary>
    public void Remember(SimulationResult result)
    {
        lock (gate) last = result;
    }

    /// <summary>The last update on the evidence <paramref name="evidence"/> (its name and content hash) with this seed and number of particles; else null.</summary>
    public UpdateResult? LastUpdate(string evidence, ulong seed, long particles)
    {
        lock (gate)
            return lastUpdate is { } kept && kept.Evidence == evidence && kept.Seed == seed && kept.Particles == particles ? kept.Result : null;
    }

    /// <summary>Keeps <paramref name="result"/> as the last update.</summary>
    public void RememberUpdate(string evidence, ulong seed, long particles, UpdateResult result)
    {
        lock (gate) lastUpdate = (evidence, seed, particles, result);
    }
}
