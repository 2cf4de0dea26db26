using Microsoft.Extensions.Hosting;

namespace NorthKoreaShadowWar.Cli.Explorer;

/// <summary>
/// A host lifetime that prints nothing and leaves Ctrl-C to the <c>serve</c> command, so that several servers can run
/// in one process (the tests) and the terminal shows only the explorer's own lines.
/// </summary>
internal sealed class QuietLifetime : IHostLifetime
{
    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
