using System.Globalization;
using System.Text;
using CsCheck;

namespace NorthKoreaShadowWar.Tests.Reference;

/// <summary>
/// A CsCheck generator of random valid scenarios, as YAML text: 1 to 3 machines m0..m2 of 2 to 4 states S0..S3,
/// random transitions (single sources, lists and "*"), guards and multipliers reading machine states (and the
/// variable, when there is one), parameters of several distributions (clipped and derived), sometimes a variable
/// with transition and each_step effects, absorbing states, and one outcome of every kind.
/// <para>
/// Valid by construction: at most <see cref="MaxLeaving"/> transitions leave a state, and each transition's p is
/// written as a share of its cap, 1 / (n × F), where n is the largest number of transitions leaving any of its source
/// states and F is <see cref="MaxFactor"/> when it has a multiplier (at most one, of at most F) and 1 otherwise. So a
/// state's outgoing probabilities add up to at most 1 whatever the guards, draws and variables, and a lone
/// transition may have p = 1, which makes the coupling between machines strong enough to test.
/// </para>
/// </summary>
internal static class RandomScenarios
{
    private const int MaxMachines = 3;
    private const int MaxLeaving = 3;
    /// <summary>The largest value of the parameters q and g (d is half of q); p = "q * k" scales them to a cap.</summary>
    private const double MaxParameter = 0.3;
    private const double MaxFactor = 1.1;

    /// <summary>The numbers a scenario's pieces are drawn against.</summary>
    private sealed record Shape(int MachineCount, int[] StateCounts, int Horizon, bool HasParameters, bool HasVariable);

    /// <summary>How a transition's p is written, as a share of its cap.</summary>
    private enum ProbabilityKind { Zero, Cap, ShareOfCap, Parameter, Variable }

    /// <summary>A transition's p before its cap is known: <see cref="Share"/> in thousandths, <see cref="Parameter"/> q, g or d.</summary>
    private sealed record Probability(ProbabilityKind Kind, int Share, string Parameter);

    /// <summary>A transition; <see cref="From"/> null stands for "*".</summary>
    private sealed record Transition(int[]? From, int To, Probability P, string? When, string? Multiplier, string? Effect);

    private sealed record Machine(int Initial, bool[] Absorbing, Transition[] Transitions, int EachStepState, string? EachStepEffect)
    {
        /// <summary>For each state, how many transitions leave it (after <see cref="Normalise"/>).</summary>
        public int[] Leaving(int states)
        {
            var leaving = new int[states];
            foreach (var transition in Transitions)
                foreach (var s in Sources(transition, this)) leaving[s]++;
            return leaving;
        }
    }

    private sealed record Outcomes(string Reached, int? Within, string FirstStep, int Final, string Value, int? At, string StepsIn);

    /// <summary>Random valid scenario text.</summary>
    public static readonly Gen<string> Yaml =
        from shape in Shapes
        from m0 in MachineGen(shape, 0)
        from m1 in MachineGen(shape, 1)
        from m2 in MachineGen(shape, 2)
        from outcomes in OutcomesGen(shape)
        select Write(shape, new[] { m0, m1, m2 }.Take(shape.MachineCount).Select(Normalise).ToList(), outcomes);

    private static Gen<Shape> Shapes =>
        from machineCount in Gen.Int[1, MaxMachines]
        from stateCounts in Gen.Int[2, 4].Array[MaxMachines]
        from horizon in Gen.Int[5, 30]
        from hasParameters in Gen.Bool
        from hasVariable in Gen.Bool
        select new Shape(machineCount, stateCounts, horizon, hasParameters, hasVariable);

    private static Gen<Machine> MachineGen(Shape shape, int machine)
    {
        var states = shape.StateCounts[machine];
        return from initial in Gen.Int[0, states - 1]
               from absorbing in Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(true))).Array[states]
               from transitions in TransitionGen(shape, states).Array[0, 8]
               from eachStepState in Gen.Int[0, states - 1]
               from eachStepEffect in shape.HasVariable ? Optional(EffectGen(shape)) : Gen.Const((string?)null)
               select new Machine(initial, absorbing, transitions, eachStepState, eachStepEffect);
    }

    private static Gen<Transition> TransitionGen(Shape shape, int states) =>
        from sources in Gen.Frequency(
            (3, Gen.Int[0, states - 1].Select(s => (int[]?)[s])),
            (1, Gen.Bool.Array[states].Select(chosen => (int[]?)Enumerable.Range(0, states).Where(s => chosen[s]).ToArray())),
            (1, Gen.Const((int[]?)null)))
        from to in Gen.Int[0, states - 1]
        from p in ProbabilityGen(shape)
        from guard in Optional(ConditionGen(shape))
        from multiplier in Optional(MultiplierGen(shape))
        from effect in shape.HasVariable ? Optional(EffectGen(shape)) : Gen.Const((string?)null)
        select new Transition(sources, to, p, guard, multiplier, effect);

    private static Gen<Probability> ProbabilityGen(Shape shape)
    {
        var choices = new List<(int, IGen<Probability>)>
        {
            (5, Gen.Int[1, 1000].Select(share => new Probability(ProbabilityKind.ShareOfCap, share, ""))),
            (2, Gen.Const(new Probability(ProbabilityKind.Cap, 0, ""))),
            (1, Gen.Const(new Probability(ProbabilityKind.Zero, 0, ""))),
        };
        if (shape.HasParameters) choices.Add((2, Gen.OneOf("q", "g", "d").Select(name => new Probability(ProbabilityKind.Parameter, 0, name))));
        if (shape.HasVariable) choices.Add((1, Gen.Const(new Probability(ProbabilityKind.Variable, 0, ""))));
        return Gen.Frequency([.. choices]);
    }

    /// <summary>p as written, at most <paramref name="cap"/>: shares and scales are rounded down so rounding never exceeds it.</summary>
    private static string Render(Probability p, double cap) => p.Kind switch
    {
        ProbabilityKind.Zero => "0",
        ProbabilityKind.Cap => RoundDown(cap),
        ProbabilityKind.ShareOfCap => RoundDown(cap * p.Share / 1000),
        ProbabilityKind.Parameter => $"{p.Parameter} * {RoundDown(cap / MaxParameter)}",
        // A probability that moves with the variable, clamped into [0, cap].
        _ => $"max(0, min({RoundDown(cap)}, 0.05 + x * 0.02))",
    };

    private static Gen<string> MultiplierGen(Shape shape) =>
        from condition in ConditionGen(shape)
        from factor in shape.HasParameters
            ? Gen.Frequency((2, FactorGen), (1, Gen.Const("f")))
            : FactorGen
        select $"{{ when: \"{condition}\", by: {factor} }}";

    // Whole hundredths, uniform on [0, 1.1]: CsCheck's doubles favour edge values such as 0, which would
    // switch off most multiplied transitions.
    private static Gen<string> FactorGen => Gen.Int[0, (int)Math.Round(MaxFactor * 100)].Select(hundredths => Number(hundredths / 100.0));

    private static Gen<string> ConditionGen(Shape shape)
    {
        var choices = new List<(int, IGen<string>)>
        {
            (6, StateTestGen(shape)),
            (1, from left in StateTestGen(shape)
                from op in Gen.OneOf("and", "or")
                from right in StateTestGen(shape)
                select $"({left}) {op} ({right})"),
        };
        if (shape.HasVariable) choices.Add((1, Gen.Int[0, 6].Select(k => $"x >= {k}")));
        return Gen.Frequency([.. choices]);
    }

    /// <summary>A test of one machine's state, in each of the forms the format allows.</summary>
    private static Gen<string> StateTestGen(Shape shape) =>
        from machine in Gen.Int[0, shape.MachineCount - 1]
        from state in Gen.Int[0, shape.StateCounts[machine] - 1]
        from others in Gen.Bool.Array[shape.StateCounts[machine]]
        from form in Gen.Int[0, 5]
        let list = "[" + string.Join(", ", Enumerable.Range(0, shape.StateCounts[machine]).Where(s => s == state || others[s]).Select(s => $"S{s}")) + "]"
        select form switch
        {
            0 => $"m{machine} == S{state}",
            1 => $"m{machine} != S{state}",
            2 => $"m{machine} in {list}",
            3 => $"m{machine} not in {list}",
            4 => $"not m{machine} == S{state}",
            _ => $"m{machine}.S{state}",
        };

    private static Gen<string> EffectGen(Shape shape)
    {
        var effects = new List<string> { "+= 1", "-= 0.5", "*= 1.1", "= 2", "+= x * 0.1", "= x * 0.5 + 1" };
        if (shape.HasParameters) effects.Add("+= q * 10");
        return Gen.OneOf([.. effects]);
    }

    private static Gen<Outcomes> OutcomesGen(Shape shape) =>
        from reached in ConditionGen(shape)
        from within in Optional(Gen.Int[0, shape.Horizon])
        from firstStep in ConditionGen(shape)
        from final in Gen.Int[0, shape.MachineCount - 1]
        from value in Gen.OneOf(shape switch
        {
            { HasVariable: true, HasParameters: true } => ["x", "x * 2 - q"],
            { HasVariable: true } => ["x", "x * 2 - 1"],
            { HasParameters: true } => ["q + d", "f"],
            _ => new[] { "1" },
        })
        from at in Optional(Gen.Int[0, shape.Horizon])
        from stepsIn in ConditionGen(shape)
        select new Outcomes(reached, within, firstStep, final, value, at, stepsIn);

    private static Gen<T?> Optional<T>(Gen<T> gen) where T : class =>
        Gen.Frequency((1, gen.Select(value => (T?)value)), (1, Gen.Const(default(T))));

    private static Gen<int?> Optional(Gen<int> gen) =>
        Gen.Frequency((1, gen.Select(value => (int?)value)), (1, Gen.Const((int?)null)));

    /// <summary>
    /// Makes a machine valid: transitions never leave an absorbing state, and a transition is dropped when a
    /// state it leaves already has <see cref="MaxLeaving"/> transitions.
    /// </summary>
    private static Machine Normalise(Machine machine)
    {
        var leaving = new int[machine.Absorbing.Length];
        var kept = new List<Transition>();
        foreach (var transition in machine.Transitions)
        {
            var sources = Sources(transition, machine);
            if (sources.Length == 0 || sources.Any(s => leaving[s] >= MaxLeaving)) continue;
            foreach (var s in sources) leaving[s]++;
            kept.Add(transition.From is null ? transition : transition with { From = sources });
        }
        return machine with { Transitions = [.. kept] };
    }

    /// <summary>The states a transition leaves: its sources ("*" is every state) less the absorbing ones.</summary>
    private static int[] Sources(Transition transition, Machine machine) =>
        (transition.From ?? Enumerable.Range(0, machine.Absorbing.Length)).Where(s => !machine.Absorbing[s]).Distinct().ToArray();

    private static string Write(Shape shape, List<Machine> machines, Outcomes outcomes)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("name: generated").AppendLine(CultureInfo.InvariantCulture, $"horizon: {shape.Horizon}");
        if (shape.HasParameters)
        {
            yaml.AppendLine("parameters:")
                .AppendLine("  q: { uniform: [0, 0.3] }")
                .AppendLine("  g: { beta: { alpha: 2, beta: 5 }, clip: [0, 0.3] }")
                .AppendLine("  f: { normal: { mean: 0.9, sd: 0.2 }, clip: [0.5, 1.1] }")
                .AppendLine("  d: \"q * 0.5\"");
        }
        if (shape.HasVariable)
            yaml.AppendLine("variables:").AppendLine(shape.HasParameters ? "  x: { initial: \"q * 10\" }" : "  x: { initial: 1 }");
        yaml.AppendLine("machines:");
        for (var m = 0; m < machines.Count; m++) WriteMachine(yaml, m, shape.StateCounts[m], machines[m]);
        yaml.AppendLine("outcomes:")
            .AppendLine(CultureInfo.InvariantCulture, $"  o_reached: {{ reached: \"{outcomes.Reached}\"{(outcomes.Within is { } w ? $", within: {w}" : "")} }}")
            .AppendLine(CultureInfo.InvariantCulture, $"  o_first_step: {{ first_step: \"{outcomes.FirstStep}\" }}")
            .AppendLine(CultureInfo.InvariantCulture, $"  o_final: {{ final: m{outcomes.Final} }}")
            .AppendLine(CultureInfo.InvariantCulture, $"  o_value: {{ value: \"{outcomes.Value}\"{(outcomes.At is { } at ? $", at: {at}" : "")} }}")
            .AppendLine(CultureInfo.InvariantCulture, $"  o_steps_in: {{ steps_in: \"{outcomes.StepsIn}\" }}");
        return yaml.ToString();
    }

    private static void WriteMachine(StringBuilder yaml, int index, int states, Machine machine)
    {
        var names = Enumerable.Range(0, states).Select(s => $"S{s}").ToList();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"  m{index}:")
            .AppendLine(CultureInfo.InvariantCulture, $"    initial: S{machine.Initial}")
            .AppendLine(CultureInfo.InvariantCulture, $"    states: [{string.Join(", ", names)}]");
        var absorbing = names.Where((_, s) => machine.Absorbing[s]).ToList();
        if (absorbing.Count > 0) yaml.AppendLine(CultureInfo.InvariantCulture, $"    absorbing: [{string.Join(", ", absorbing)}]");
        if (machine.EachStepEffect is { } eachStep)
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    each_step: {{ S{machine.EachStepState}: {{ x: \"{eachStep}\" }} }}");
        if (machine.Transitions.Length == 0)
        {
            yaml.AppendLine("    transitions: []");
            return;
        }
        yaml.AppendLine("    transitions:");
        var leaving = machine.Leaving(states);
        foreach (var t in machine.Transitions)
        {
            var from = t.From is null ? "\"*\"" : t.From.Length == 1 ? $"S{t.From[0]}" : $"[{string.Join(", ", t.From.Select(s => $"S{s}"))}]";
            var cap = 1.0 / (Sources(t, machine).Max(s => leaving[s]) * (t.Multiplier is null ? 1 : MaxFactor));
            var line = new StringBuilder($"      - {{ from: {from}, to: S{t.To}, p: \"{Render(t.P, cap)}\"");
            if (t.When is { } when) line.Append(CultureInfo.InvariantCulture, $", when: \"{when}\"");
            if (t.Multiplier is { } multiplier) line.Append(CultureInfo.InvariantCulture, $", multipliers: [ {multiplier} ]");
            if (t.Effect is { } effect) line.Append(CultureInfo.InvariantCulture, $", effects: {{ x: \"{effect}\" }}");
            yaml.AppendLine(line.Append(" }").ToString());
        }
    }

    private static string Number(double value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);

    private static string RoundDown(double value) => (Math.Floor(value * 10_000) / 10_000).ToString("0.####", CultureInfo.InvariantCulture);
}
