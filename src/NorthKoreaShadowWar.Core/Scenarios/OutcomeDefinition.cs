using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Expressions;

namespace NorthKoreaShadowWar.Scenarios;

/// <summary>The kinds of outcome a scenario can ask for.</summary>
internal enum OutcomeKind
{
    /// <summary><c>reached: m.S, within: N</c>: the probability that the condition first holds at a step &lt;= N.</summary>
    Reached,
    /// <summary><c>first_step: C</c>: the distribution of the first step at which C holds.</summary>
    FirstStep,
    /// <summary><c>final: m</c>: the distribution of m's state after the last step.</summary>
    Final,
    /// <summary><c>value: x</c> (optionally <c>at: N</c>): the distribution of an expression over the variables after the last step, or after step N.</summary>
    Value,
    /// <summary><c>steps_in: m.S</c>: the distribution of the number of steps after which the condition holds.</summary>
    StepsIn,
}

/// <summary>What is reported and plotted; <see cref="Subject"/> is the condition, machine or expression it is about.</summary>
internal sealed record OutcomeDefinition(
    string Name,
    SourcePosition Position,
    OutcomeKind Kind,
    ExpressionText Subject,
    Located<int>? Within)
{
    /// <summary>For <c>value</c>: the step after which the value is read (default: the last step).</summary>
    public Located<int>? At { get; init; }

    /// <summary>A readable description for reports.</summary>
    public string? Description { get; init; }
}
