namespace NorthKoreaShadowWar.Tests.Semantics;

/// <summary>
/// Every rule <see cref="StepRuleTests"/> runs on every engine, with the reasons shared by the rules an engine cannot
/// run. The rules themselves are in the other parts of this class, by theme.
/// </summary>
internal static partial class StepRules
{
    private const string Effects = "the model has effects, and the table loop runs only models without them";
    private const string DrawnProbability = "a transition's probability is drawn in each trial, and the table loop needs the same tables in every trial";
    private const string VariableProbability = "a transition's probability reads a variable, so its table changes from step to step";
    private const string ValueOutcomes = "outcomes read variables, and exact propagation tracks only the machines' states";
    private const string DrawnParameter = "a parameter is drawn, and exact propagation needs fixed parameters";
    private const string ReadsVariables = "transitions read variables, and exact propagation tracks only the machines' states";

    /// <summary>Every rule, by name.</summary>
    public static IReadOnlyList<StepRule> All { get; } = [.. Moves(), .. ClosedForms(), .. EffectRules(), .. OutcomeRules(), .. StartRules(), .. ErrorRules()];

    /// <summary>The rules' names, for the test cases.</summary>
    public static IEnumerable<TestCaseData> Names => All.Select(rule => new TestCaseData(rule.Name).SetName(rule.Name));

    public static StepRule Named(string name) => All.Single(rule => rule.Name == name);
}
