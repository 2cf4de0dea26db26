using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Tests.Simulation;

public class GeneratorTests
{
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(3)]
    [TestCase(7)]
    [TestCase(8)]
    [TestCase(61)]
    [TestCase(64)]
    public void Filling_a_block_gives_exactly_the_draws_one_at_a_time(int length)
    {
        var one = RandomStreams.For(42, 7, RandomStreams.Transitions);
        var bulk = one;
        var block = new double[length + 1];
        bulk.Fill(block.AsSpan(0, length));
        for (var i = 0; i < length; i++) Assert.That(block[i], Is.EqualTo(one.NextDouble()), $"draw {i}");
        Assert.That(block[length], Is.Zero, "nothing written past the block");
        Assert.That(bulk.NextDouble(), Is.EqualTo(one.NextDouble()), "the stream goes on where the block ended");
    }

    [Test]
    public void A_refill_keeps_the_unread_draws_first_and_in_order()
    {
        var buffer = new UniformBuffer();
        buffer.Reset(RandomStreams.For(1, 2, RandomStreams.Transitions));
        var reference = RandomStreams.For(1, 2, RandomStreams.Transitions);
        buffer.Refill();
        buffer.Next = UniformBuffer.Length - 5;
        for (var i = 0; i < UniformBuffer.Length - 5; i++) reference.NextDouble();
        buffer.RefillKeepingUnread();
        for (var i = 0; i < UniformBuffer.Length; i++) Assert.That(buffer.Values[i], Is.EqualTo(reference.NextDouble()), $"draw {i}");
    }
}
