using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Tests.Semantics;

/// <summary>The engines <see cref="StepRuleTests"/> runs every rule on.</summary>
public enum SemanticsEngine
{
    GeneralLoopGenerated,
    GeneralLoopInterpreted,
    TableLoop,
    Reference,
    Exact,
}

/// <summary>
/// Every rule of docs/scenario-format.md that decides the numbers (<see cref="StepRules"/>), on every engine: each answer
/// the rule works out by hand must come out exactly where the rule is deterministic; else within 5 standard errors
/// from a Monte Carlo engine (fixed seed) and within 1e-12 from exact propagation. Where an engine cannot run a rule's
/// model, the test says why and checks that the engine indeed refuses it (or never takes it).
/// </summary>
[TestFixture(SemanticsEngine.GeneralLoopGenerated)]
[TestFixture(SemanticsEngine.GeneralLoopInterpreted)]
[TestFixture(SemanticsEngine.TableLoop)]
[TestFixture(SemanticsEngine.Reference)]
[TestFixture(SemanticsEngine.Exact)]
public class StepRuleTests(SemanticsEngine which)
{
    private const int Seed = 1;

    private readonly ISemanticsEngine engine = which switch
    {
        SemanticsEngine.GeneralLoopGenerated => new GeneralLoopEngine(generatedCode: true),
        SemanticsEngine.GeneralLoopInterpreted => new GeneralLoopEngine(generatedCode: false),
        SemanticsEngine.TableLoop => new TableLoopEngine(),
        SemanticsEngine.Reference => new ReferenceEngine(),
        _ => new ExactEngine(),
    };

    [TestCaseSource(typeof(StepRules), nameof(StepRules.Names))]
    public void Rule(string name)
    {
        var rule = StepRules.Named(name);
        if (engine.CannotRun(rule) is { } reason)
        {
            engine.AssertCannotRun(rule.Yaml);
            Assert.Pass($"does not apply to the {engine.Name}: {reason}");
        }
        if (rule.Error is { } error)
        {
            var thrown = Assert.Throws<SimulationException>(() => engine.Run(rule.Yaml, rule.Trials, Seed));
            Assert.That(thrown!.Message, Is.EqualTo(error), $"on the {engine.Name}");
            return;
        }
        var answer = engine.Run(rule.Yaml, rule.Trials, Seed);
        Assert.Multiple(() =>
        {
            foreach (var expected in rule.Expected)
            {
                var reading = expected.Read(answer);
                var allowed = rule.Deterministic ? 0 : reading.AllowedError(expected.Value);
                Assert.That(reading.Value, Is.EqualTo(expected.Value).Within(allowed), $"{expected.What} on the {engine.Name}");
            }
        });
    }

    [Test]
    public void Every_rule_has_answers_or_an_error_and_a_name_used_once()
    {
        Assert.Multiple(() =>
        {
            Assert.That(StepRules.All.Select(r => r.Name), Is.Unique);
            foreach (var rule in StepRules.All)
                Assert.That(rule.Expected.Count > 0 ^ rule.Error is not null, Is.True, $"{rule.Name}: answers or an error, not both");
        });
    }
}
