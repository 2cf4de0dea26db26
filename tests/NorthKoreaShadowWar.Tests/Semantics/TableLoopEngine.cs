using System.Runtime.Intrinsics;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Semantics;

/// <summary>
/// The kernel's table loop (<see cref="TableTrialLoop"/>), as a run takes it: through the whole run on two threads.
/// It takes only models whose rows are fixed tables without effects; a rule states why its model is not one.
/// </summary>
internal sealed class TableLoopEngine : ISemanticsEngine
{
    public string Name => "table loop";

    public string? CannotRun(StepRule rule) => rule.NotOnTableLoop;

    public void AssertCannotRun(string yaml) =>
        Assert.That(TableTrialLoop.For(ScenarioPipeline.PrepareText(yaml, "test.yaml").Model), Is.Null, "the table loop takes the model after all");

    public IAnswer Run(string yaml, long trials, int seed)
    {
        if (!Vector256.IsHardwareAccelerated) Assert.Ignore("this processor has no 256-bit vectors, so no run takes the table loop");
        Assert.That(TableTrialLoop.For(ScenarioPipeline.PrepareText(yaml, "test.yaml").Model), Is.Not.Null, "the table loop should take the model");
        return new RunResultAnswer(Simulate.Text(yaml, trials, seed: (ulong)seed, threads: 2), exact: false);
    }
}
