using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Tests.Updating;

/// <summary>An update can be cancelled (the explorer does, when the page gives a request up): no further block starts.</summary>
public class UpdateCancellationTests
{
    private static readonly UpdateSettings Growing = new()
    {
        Trials = UpdateSettings.BlockSize, Seed = 1, Threads = 1, TargetEss = 1e12, MaxTrials = 64 * UpdateSettings.BlockSize,
    };

    [Test]
    public void An_update_cancelled_after_its_first_round_stops_there()
    {
        var (prepared, evidence) = UpdateTesting.Load(DeterminismTests.Model, DeterminismTests.Evidence);
        using var cancel = new CancellationTokenSource();
        var rounds = 0;
        Assert.Throws<OperationCanceledException>(() => UpdateRunner.Run(prepared.Model, evidence, Growing, (_, _) =>
        {
            rounds++;
            cancel.Cancel();
        }, cancel.Token));
        Assert.That(rounds, Is.EqualTo(1), "rounds of blocks run");
    }

    [Test]
    public void An_update_cancelled_before_it_starts_runs_no_block()
    {
        var (prepared, evidence) = UpdateTesting.Load(DeterminismTests.Model, DeterminismTests.Evidence);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var rounds = 0;
        Assert.Throws<OperationCanceledException>(() => UpdateRunner.Run(prepared.Model, evidence, Growing, (_, _) => rounds++, cancel.Token));
        Assert.That(rounds, Is.Zero);
    }
}
