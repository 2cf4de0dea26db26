using NorthKoreaShadowWar.Randomness;
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
    public void Code_that_steps_the_generator_from_its_state_draws_what_the_block_would_and_hands_the_stream_back()
    {
        // The generated steps and the table loop step the generator themselves once the block is used up.
        var buffer = new UniformBuffer();
        buffer.Reset(RandomStreams.For(1, 2, RandomStreams.Transitions));
        var reference = RandomStreams.For(1, 2, RandomStreams.Transitions);
        for (var i = 0; i < UniformBuffer.Length; i++) Assert.That(buffer.NextDouble(), Is.EqualTo(reference.NextDouble()), $"draw {i}");
        var stepped = default(Xoroshiro128StarStar);
        stepped.State = buffer.GeneratorState;
        for (var i = 0; i < 10; i++) Assert.That(stepped.NextDouble(), Is.EqualTo(reference.NextDouble()), $"stepped draw {i}");
        buffer.GeneratorState = stepped.State;
        for (var i = 0; i < 3; i++) Assert.That(buffer.NextDouble(), Is.EqualTo(reference.NextDouble()), $"draw {i} after handing back");
    }
}
