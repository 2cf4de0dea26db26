using NorthKoreaShadowWar.Scenarios.Validation;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Scenarios;

/// <summary>
/// Names have at most 100 characters. Before, a state name of 70,000 characters passed validate, and run then failed
/// while drawing the state diagrams.
/// </summary>
public class NameLengthTests
{
    private static string Scenario(string machine, string state, string variable, string outcome) => $$"""
        name: long-names
        horizon: 3
        variables:
          {{variable}}: { initial: 0 }
        machines:
          {{machine}}:
            initial: A
            states: [A, {{state}}]
            transitions:
              - { from: A, to: {{state}}, p: 0.5 }
        outcomes:
          {{outcome}}: { reached: "{{machine}} == {{state}}" }
        """;

    [Test]
    public void Names_of_the_maximum_length_pass()
    {
        var name = new string('n', NameLengths.Maximum);
        Assert.That(Diagnose.Text(Scenario("M" + name[1..], "S" + name[1..], "v" + name[1..], "o" + name[1..])).Errors(), Is.Empty);
    }

    [Test]
    public void A_state_name_of_70000_characters_is_refused_at_its_place()
    {
        var state = new string('S', 70_000);
        var yaml = Scenario("m", state, "x", "hit");
        var error = Diagnose.Text(yaml).ErrorAt(yaml, state);
        Assert.That(error.Message, Is.EqualTo("the state name 'SSSSSSSSSSSSSSSSSSSS...' has 70,000 characters; a name may have at most 100"));
    }

    [TestCase("machine")]
    [TestCase("variable")]
    [TestCase("outcome")]
    public void Every_kind_of_name_is_limited(string kind)
    {
        var longName = "L" + new string('x', NameLengths.Maximum);
        var yaml = kind switch
        {
            "machine" => Scenario(longName, "B", "x", "hit"),
            "variable" => Scenario("m", "B", longName, "hit"),
            _ => Scenario("m", "B", "x", longName),
        };
        Assert.That(Diagnose.Text(yaml).Errors().Select(e => e.Message), Has.Some.StartWith($"the {kind} name 'Lxxxxxxxxxxxxxxxxxxx...' has 101 characters"));
    }
}
