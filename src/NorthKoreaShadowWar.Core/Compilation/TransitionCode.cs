namespace NorthKoreaShadowWar.Compilation;

/// <summary>One compiled transition. Sources are slots (&gt;= 0) or <c>~program</c>; programs are -1 when absent.</summary>
internal readonly record struct TransitionCode(
    int Machine,
    int Target,
    int GuardProgram,
    int ProbabilitySource,
    int MultiplierStart,
    int MultiplierCount,
    int Effects);

/// <summary>A compiled multiplier: while the condition holds, multiply by the factor.</summary>
internal readonly record struct MultiplierCode(int ConditionProgram, int FactorSource);

/// <summary>A compiled effect on variable <c>Variable</c>.</summary>
internal readonly record struct EffectCode(int Variable, Scenarios.EffectOperator Operator, int Source);

/// <summary>A contiguous run of <see cref="EffectCode"/>s, applied in order.</summary>
internal readonly record struct EffectList(int Start, int Count);

/// <summary>
/// A compiled condition for outcome tracking: when <c>Program</c> is -1 it is the fast test
/// "machine <c>Machine</c> is in a state of <c>Mask</c>".
/// </summary>
internal readonly record struct ConditionCode(int Machine, ulong Mask, int Program, bool ReadsVariables);

/// <summary>The code of one program, with the stack depth it needs.</summary>
internal readonly record struct ProgramRange(int Start, int Length);

/// <summary>One outcome of a table row: the state entered, and the effects to apply (-1 for none).</summary>
internal readonly record struct OutcomeCode(int Target, int Effects);
