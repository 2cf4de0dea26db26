using System.Net;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Cli.Explorer;

/// <summary>How <c>shadowwar serve</c> is set up: where it listens, which scenarios it may open, and its limits.</summary>
internal sealed record ExplorerOptions
{
    /// <summary>The port when none is given; 0 asks the system for a free one.</summary>
    public const int DefaultPort = 5080;

    /// <summary>The largest request body accepted, in bytes: a request names a scenario and a few overrides.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    /// <summary>The folder scenario files are served from; nothing outside it is opened.</summary>
    public required ScenarioFolder Scenarios { get; init; }

    /// <summary>The scenario the page opens first, relative to <see cref="Scenarios"/> with '/' separators; null for the first one listed.</summary>
    public string? DefaultScenario { get; init; }

    /// <summary>The evidence files given with <c>--evidence</c>, offered besides those in the scenario folder's <c>evidence/</c>.</summary>
    public IReadOnlyList<GivenEvidence> Evidence { get; init; } = [];

    /// <summary>The address to listen on; loopback unless the user asks otherwise.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The port to listen on; 0 for a free one.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Trials of one update of the page (after each change), a multiple of <see cref="RunSettings.BlockSize"/>.</summary>
    public int DefaultTrials { get; init; } = 4 * RunSettings.BlockSize;

    /// <summary>The most trials one request may add, a multiple of <see cref="RunSettings.BlockSize"/>.</summary>
    public int MaxTrialsPerRequest { get; init; } = 100 * RunSettings.BlockSize;

    /// <summary>The most trials one explored result may reach by "run more".</summary>
    public long MaxTotalTrials { get; init; } = 1024 * RunSettings.BlockSize;

    /// <summary>Runs computed at the same time; further requests wait for a free slot, then are turned away.</summary>
    public int MaxConcurrentRuns { get; init; } = 2;

    /// <summary>How long a request waits for a free run slot before it is turned away with 503.</summary>
    public TimeSpan RunQueueTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Worker threads of each run; the numbers do not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>True when the server can be reached only from this machine.</summary>
    public bool LoopbackOnly => IPAddress.IsLoopback(Address);
}
