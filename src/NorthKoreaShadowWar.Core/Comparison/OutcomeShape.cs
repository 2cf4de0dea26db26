using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Scenarios;

namespace NorthKoreaShadowWar.Comparison;

/// <summary>What an outcome reports, enough to match it with the same outcome of another run.</summary>
/// <param name="Name">The outcome's name.</param>
/// <param name="Kind"><c>probability</c>, <c>distribution</c> or <c>categorical</c>.</param>
/// <param name="HasNever">A distribution of first steps, which may never happen.</param>
/// <param name="Categories">The states of a categorical outcome, in order.</param>
internal sealed record OutcomeShape(string Name, string Kind, bool HasNever, IReadOnlyList<string> Categories)
{
    /// <summary>The outcomes of a finished run.</summary>
    public static IReadOnlyList<OutcomeShape> Of(RunResult result) => result.Outcomes.Select(outcome => outcome switch
    {
        ProbabilityResult => new OutcomeShape(outcome.Name, outcome.Kind, false, []),
        DistributionResult distribution => new OutcomeShape(outcome.Name, outcome.Kind, distribution.Never is not null, []),
        CategoricalResult categorical => new OutcomeShape(outcome.Name, outcome.Kind, false, categorical.Categories.Select(c => c.Category).ToList()),
        _ => throw new ArgumentException($"unknown outcome kind {outcome.Kind}", nameof(result)),
    }).ToList();

    /// <summary>The outcomes a compiled model will report.</summary>
    public static IReadOnlyList<OutcomeShape> Of(CompiledModel model) => model.Scenario.Outcomes.Select(outcome => outcome.Kind switch
    {
        OutcomeKind.Reached => new OutcomeShape(outcome.Name, "probability", false, []),
        OutcomeKind.Final => new OutcomeShape(outcome.Name, "categorical", false, model.Scenario.Machines[outcome.Machine].States),
        _ => new OutcomeShape(outcome.Name, "distribution", outcome.Kind == OutcomeKind.FirstStep, []),
    }).ToList();
}
