using NorthKoreaShadowWar.Expressions;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Compilation;

/// <summary>What a transition's probability, guard and multipliers read: what decides how its row is laid out.</summary>
/// <param name="ReadsVariables">Some expression reads a variable: the row is evaluated each step.</param>
/// <param name="MachinesRead">The other machines whose states it reads, ascending: the row's dependencies.</param>
/// <param name="IsRandom">Its probability or a factor differs between trials: the row is built per trial.</param>
internal readonly record struct TransitionFacts(bool ReadsVariables, int[] MachinesRead, bool IsRandom);

/// <summary>
/// Compilation pass: every machine's transitions, in machine and file order, as <see cref="TransitionCode"/>s
/// with their multipliers, effects and <see cref="TransitionFacts"/>.
/// </summary>
internal sealed class CompiledTransitions
{
    private readonly List<TransitionCode> codes = [];
    private readonly List<MultiplierCode> multipliers = [];
    private readonly List<TransitionFacts> facts = [];
    private readonly List<int[]> idsByMachine = [];

    public IReadOnlyList<TransitionCode> Codes => codes;
    public IReadOnlyList<MultiplierCode> Multipliers => multipliers;
    public IReadOnlyList<TransitionFacts> Facts => facts;

    /// <summary>For each machine, the index of each of its transitions (in file order) among all transitions.</summary>
    public IReadOnlyList<int[]> IdsByMachine => idsByMachine;

    public static CompiledTransitions Compile(IReadOnlyList<ResolvedMachine> machines, ExpressionCompiler expressions, EffectListCompiler effects)
    {
        var compiled = new CompiledTransitions();
        for (var m = 0; m < machines.Count; m++)
            compiled.idsByMachine.Add([.. machines[m].Transitions.Select(transition => compiled.Add(m, transition, expressions, effects))]);
        return compiled;
    }

    private int Add(int machine, ResolvedTransition transition, ExpressionCompiler expressions, EffectListCompiler effects)
    {
        var multiplierStart = multipliers.Count;
        var reads = new List<BoundExpression> { transition.Probability };
        if (transition.Guard is { } guard) reads.Add(guard);
        foreach (var (condition, factor) in transition.Multipliers)
        {
            multipliers.Add(new MultiplierCode(expressions.Program(condition), expressions.Source(factor)));
            reads.Add(condition);
            reads.Add(factor);
        }
        var probability = expressions.Source(transition.Probability);
        var guardProgram = transition.Guard is null ? -1 : expressions.Program(transition.Guard);
        codes.Add(new TransitionCode(machine, transition.To, guardProgram, probability, multiplierStart,
            multipliers.Count - multiplierStart, effects.Compile(transition.Effects)));
        facts.Add(new TransitionFacts(
            reads.Any(BoundExpressionFacts.ReadsVariables),
            reads.SelectMany(BoundExpressionFacts.MachinesRead).Where(x => x != machine).Distinct().Order().ToArray(),
            expressions.SourceIsRandom(probability) ||
                multipliers.Skip(multiplierStart).Any(x => expressions.SourceIsRandom(x.FactorSource))));
        return codes.Count - 1;
    }
}
