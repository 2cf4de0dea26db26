using System.Text.Json;

namespace NorthKoreaShadowWar.Cli.Explorer;

/// <summary>The body of a <c>POST /api/run</c> or <c>POST /api/trace</c> request; every member may be left out.</summary>
internal sealed record ExplorerRequest
{
    /// <summary>The scenario file, relative to the scenario folder (e.g. <c>baseline.yaml</c>).</summary>
    public string? Scenario { get; init; }

    /// <summary>The variant to apply, or null for the base scenario.</summary>
    public string? Variant { get; init; }

    /// <summary>Overrides by parameter name, each a number or a text written as in the file, exactly like <c>--set name=value</c>.</summary>
    public Dictionary<string, JsonElement>? Set { get; init; }

    /// <summary>Trials to add (run), rounded up to a multiple of 1,024; the server's default when left out.</summary>
    public long? Trials { get; init; }

    /// <summary>The seed every random stream is derived from (default 1).</summary>
    public ulong? Seed { get; init; }

    /// <summary>For "run more": the trials already shown, which the new trials continue (a multiple of 1,024; default 0).</summary>
    public long? From { get; init; }

    /// <summary>
    /// The evidence file to condition on, by a name <c>GET /api/scenarios</c> lists; null for the plain run. With it, a
    /// run is an update (see docs/updating.md): <see cref="Trials"/> and <see cref="From"/> count particles, in blocks of 4,096.
    /// </summary>
    public string? Evidence { get; init; }

    /// <summary>For a trace: the number of the trial told (default 0).</summary>
    public long? Trial { get; init; }
}
