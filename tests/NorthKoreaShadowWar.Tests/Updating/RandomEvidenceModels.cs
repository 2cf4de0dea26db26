using System.Globalization;
using System.Text;
using CsCheck;

namespace NorthKoreaShadowWar.Tests.Updating;

/// <summary>
/// A CsCheck generator of small scenarios that <c>exact</c> solves (fixed parameters, transitions and outcomes over
/// machine states), each with an evidence file of one to five observations of every kind <c>exact --evidence</c>
/// conditions on: 1 to 3 machines m0..m2 of 2 or 3 states S0..S2, horizons 3 to 8, transitions guarded by other
/// machines' states, outcomes of the four kinds over states. The observations' reliabilities and reports'
/// likelihoods are above 0, so no evidence is impossible; a measurement reads the fixed parameter c.
/// <para>
/// Valid by construction: at most two transitions leave a state, each with p at most 1/2, so a state's outgoing
/// probabilities add up to at most 1 whatever the guards.
/// </para>
/// </summary>
internal static class RandomEvidenceModels
{
    private sealed record Shape(int Machines, int[] States, int Horizon, int AsOf);

    private sealed record Transition(int From, int To, int Thousandths, string? When);

    /// <summary>A scenario and an evidence file for it, as YAML text.</summary>
    public static readonly Gen<(string Scenario, string Evidence)> Pair =
        from shape in Shapes
        from m0 in TransitionGen(shape, 0).Array[0, 5]
        from m1 in TransitionGen(shape, 1).Array[0, 5]
        from m2 in TransitionGen(shape, 2).Array[0, 5]
        from outcomes in ConditionGen(shape).Array[3]
        from observations in ObservationGen(shape).Array[1, 5]
        select (Scenario(shape, [m0, m1, m2], outcomes), Evidence(shape, observations));

    private static Gen<Shape> Shapes =>
        from machines in Gen.Int[1, 3]
        from states in Gen.Int[2, 3].Array[3]
        from horizon in Gen.Int[3, 8]
        from asOf in Gen.Int[1, horizon]
        select new Shape(machines, states, horizon, asOf);

    private static Gen<Transition> TransitionGen(Shape shape, int machine) =>
        from source in Gen.Int[0, shape.States[machine] - 1]
        from step in Gen.Int[1, shape.States[machine] - 1]
        from thousandths in Gen.Int[50, 500]
        from guarded in Gen.Bool
        from when in ConditionGen(shape)
        select new Transition(source, (source + step) % shape.States[machine], thousandths, guarded ? when : null);

    private static Gen<string> ConditionGen(Shape shape) =>
        from machine in Gen.Int[0, shape.Machines - 1]
        from state in Gen.Int[0, shape.States[machine] - 1]
        from form in Gen.Int[0, 2]
        from other in Gen.Int[0, shape.Machines - 1]
        from otherState in Gen.Int[0, shape.States[other] - 1]
        select form switch
        {
            0 => $"m{machine} == S{state}",
            1 => $"m{machine} != S{state}",
            _ => $"m{machine} == S{state} or m{other} == S{otherState}",
        };

    private static Gen<string> ObservationGen(Shape shape) =>
        from kind in Gen.Int[0, 5]
        from condition in ConditionGen(shape)
        from a in Gen.Int[0, shape.AsOf]
        from b in Gen.Int[0, shape.AsOf]
        from reliability in Gen.Int[55, 95]
        from machine in Gen.Int[0, shape.Machines - 1]
        from likelihoods in Gen.Int[5, 100].Array[3]
        from mean in Gen.Int[3, 9]
        let r = $"reliability: {N(reliability / 100.0)}"
        select kind switch
        {
            0 => $"holds: \"{condition}\", at: {a}, {r}",
            1 => $"does_not_hold: \"{condition}\", at: {a}, {r}",
            2 => $"first_held: \"{condition}\", between: [{Math.Min(a, b)}, {Math.Max(a, b)}], {r}",
            3 => $"not_held_by: \"{condition}\", by: {a}, {r}",
            4 => $"report: m{machine}, at: {a}, likelihood: {{ "
                 + string.Join(", ", Enumerable.Range(0, shape.States[machine]).Select(s => $"S{s}: {N(likelihoods[s] / 100.0)}")) + " }",
            _ => $"measured: \"c * 2\", at: {a}, value: {{ normal: {{ mean: {mean}, sd: 2 }} }}",
        };

    private static string Scenario(Shape shape, Transition[][] machines, string[] outcomes)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("name: generated").AppendLine(CultureInfo.InvariantCulture, $"horizon: {shape.Horizon}")
            .AppendLine("parameters:").AppendLine("  c: 3").AppendLine("machines:");
        for (var m = 0; m < shape.Machines; m++)
        {
            var states = string.Join(", ", Enumerable.Range(0, shape.States[m]).Select(s => $"S{s}"));
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  m{m}:").AppendLine("    initial: S0")
                .AppendLine(CultureInfo.InvariantCulture, $"    states: [{states}]").AppendLine("    transitions:");
            var leaving = new int[shape.States[m]];
            var kept = machines[m].Where(t => ++leaving[t.From] <= 2).ToList();
            if (kept.Count == 0) yaml.AppendLine("      []");
            foreach (var t in kept)
                yaml.AppendLine(CultureInfo.InvariantCulture,
                    $"      - {{ from: S{t.From}, to: S{t.To}, p: {N(t.Thousandths / 1000.0)}{(t.When is null ? "" : $", when: \"{t.When}\"")} }}");
        }
        yaml.AppendLine("outcomes:")
            .AppendLine(CultureInfo.InvariantCulture, $"  o_reached: {{ reached: \"{outcomes[0]}\" }}")
            .AppendLine(CultureInfo.InvariantCulture, $"  o_first_step: {{ first_step: \"{outcomes[1]}\" }}")
            .AppendLine(CultureInfo.InvariantCulture, $"  o_steps_in: {{ steps_in: \"{outcomes[2]}\" }}")
            .AppendLine("  o_final: { final: m0 }");
        return yaml.ToString();
    }

    private static string Evidence(Shape shape, string[] observations)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"as_of: {shape.AsOf}").AppendLine("observations:");
        foreach (var observation in observations) yaml.AppendLine(CultureInfo.InvariantCulture, $"  - {{ source: generated, {observation} }}");
        return yaml.ToString();
    }

    private static string N(double value) => value.ToString(CultureInfo.InvariantCulture);
}
