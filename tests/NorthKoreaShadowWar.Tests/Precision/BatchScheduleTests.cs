using NorthKoreaShadowWar.Precision;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Tests.Precision;

public class BatchScheduleTests
{
    [Test]
    public void Batches_start_at_the_trials_rounded_up_to_whole_blocks_and_double_up_to_the_maximum()
    {
        Assert.Multiple(() =>
        {
            Assert.That(BatchSchedule.Ends(10_000, 100_000), Is.EqualTo(new long[] { 10_240, 20_480, 40_960, 81_920, 100_000 }));
            Assert.That(BatchSchedule.Ends(10_000, 10_000_000).Count(), Is.EqualTo(11));
            Assert.That(BatchSchedule.Ends(10_000, 10_000_000).SkipLast(1), Has.All.Matches<long>(end => end % RunSettings.BlockSize == 0));
            Assert.That(BatchSchedule.Ends(1, 5_000), Is.EqualTo(new long[] { 1_024, 2_048, 4_096, 5_000 }));
            Assert.That(BatchSchedule.Ends(10_000, 3_000), Is.EqualTo(new long[] { 3_000 }));
            Assert.That(BatchSchedule.Ends(2_048, 4_096), Is.EqualTo(new long[] { 2_048, 4_096 }));
        });
    }
}
