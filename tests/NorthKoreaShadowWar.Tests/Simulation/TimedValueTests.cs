using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Simulation;

/// <summary><c>value: x, at: N</c> reads x after step N.</summary>
public class TimedValueTests
{
    [Test]
    public void A_value_is_read_after_the_step_named()
    {
        const string yaml = """
            name: timed
            horizon: 10
            variables:
              x: { initial: 0 }
            machines:
              a:
                initial: Run
                states: [Run]
                each_step: { Run: { x: "+= 1" } }
            outcomes:
              x_start: { value: x, at: 0 }
              x_3: { value: x, at: 3 }
              x_end: { value: x }
            """;
        var result = Simulate.Text(yaml, trials: 3);
        Assert.Multiple(() =>
        {
            Assert.That(result.Distribution("x_start").Mean, Is.EqualTo(0));
            Assert.That(result.Distribution("x_3").Mean, Is.EqualTo(3));
            Assert.That(result.Distribution("x_end").Mean, Is.EqualTo(10));
        });
    }

    [Test]
    public void A_value_due_after_a_trial_froze_is_the_frozen_value()
    {
        const string yaml = """
            name: frozen_timed
            horizon: 10
            variables:
              x: { initial: 0 }
            machines:
              a: { initial: A, states: [A, Done], absorbing: [Done], transitions: [ { from: A, to: Done, p: 1, effects: { x: 7 } } ] }
            outcomes:
              x_5: { value: x, at: 5 }
            """;
        Assert.That(Simulate.Text(yaml, trials: 3).Distribution("x_5").Mean, Is.EqualTo(7));
    }

    [Test]
    public void At_beyond_the_horizon_or_on_another_kind_is_an_error()
    {
        const string yaml = """
            name: bad_at
            horizon: 10
            variables:
              x: { initial: 0 }
            machines:
              a: { initial: A, states: [A] }
            outcomes:
              late: { value: x, at: 11 }
              wrong: { first_step: a.A, at: 3 }
            """;
        var diagnostics = Diagnose.Text(yaml);
        Assert.Multiple(() =>
        {
            Assert.That(diagnostics.ErrorAt(yaml, "11").Message, Does.Contain("beyond the horizon"));
            Assert.That(diagnostics.ErrorAt(yaml, "at: 3").Message, Does.Contain("'at' belongs with 'value'"));
        });
    }
}
