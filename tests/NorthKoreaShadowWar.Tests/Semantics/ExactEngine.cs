using NorthKoreaShadowWar.Exact;

namespace NorthKoreaShadowWar.Tests.Semantics;

/// <summary>
/// Exact propagation (<see cref="ExactSolver"/>; docs/scenario-format.md, "Exact answers"): the answers themselves, for
/// models with fixed parameters whose transitions and outcomes read only machine states. A rule states why its model is not one.
/// </summary>
internal sealed class ExactEngine : ISemanticsEngine
{
    public string Name => "exact";

    public string? CannotRun(StepRule rule) => rule.NotExact;

    public void AssertCannotRun(string yaml) =>
        Assert.Throws<ExactNotPossibleException>(() => ExactSolver.Solve(ScenarioPipeline.PrepareText(yaml, "test.yaml").Model));

    public IAnswer Run(string yaml, long trials, int seed) => new RunResultAnswer(ExactSolver.Solve(ScenarioPipeline.PrepareText(yaml, "test.yaml").Model), exact: true);
}
