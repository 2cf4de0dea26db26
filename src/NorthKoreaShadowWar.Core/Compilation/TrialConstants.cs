using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Compilation;

/// <summary>
/// Compilation pass, the last to touch the expressions: their code gathered, and the trial constant slots split into
/// those fixed for the whole run (computed here, once) and those each trial computes (<see cref="PerTrialSlotPrograms"/>).
/// </summary>
internal sealed class TrialConstants
{
    private TrialConstants(Instruction[] code, ProgramRange[] programs, int maxStackDepth, double[] fixedSlots, (int Slot, int Program)[] perTrialSlotPrograms)
    {
        Code = code;
        Programs = programs;
        MaxStackDepth = maxStackDepth;
        FixedSlots = fixedSlots;
        PerTrialSlotPrograms = perTrialSlotPrograms;
    }

    public Instruction[] Code { get; }
    public ProgramRange[] Programs { get; }
    public int MaxStackDepth { get; }
    public double[] FixedSlots { get; }
    public (int Slot, int Program)[] PerTrialSlotPrograms { get; }

    public static TrialConstants Evaluate(ResolvedScenario scenario, ExpressionCompiler expressions)
    {
        var code = expressions.Code.ToArray();
        var programs = expressions.Programs.Select(p => new ProgramRange(p.Start, p.Length)).ToArray();
        var maxStack = expressions.Programs.Count == 0 ? 1 : expressions.Programs.Max(p => p.StackDepth);
        var fixedSlots = new double[expressions.SlotCount];
        for (var p = 0; p < scenario.Parameters.Count; p++)
            if (scenario.Parameters[p].Distribution is FixedValue fixedValue) fixedSlots[p] = fixedValue.Value;
        var stack = new double[maxStack];
        var perTrialSlotPrograms = new List<(int, int)>();
        foreach (var (slot, program) in expressions.SlotPrograms)
        {
            if (expressions.SlotIsRandom[slot])
            {
                perTrialSlotPrograms.Add((slot, program));
                continue;
            }
            var range = programs[program];
            var value = ProgramEvaluator.Evaluate(code.AsSpan(range.Start, range.Length), fixedSlots, [], [], stack);
            fixedSlots[slot] = ModelCompiler.ClipDerived(scenario, slot, value);
        }
        return new TrialConstants(code, programs, maxStack, fixedSlots, [.. perTrialSlotPrograms]);
    }
}
