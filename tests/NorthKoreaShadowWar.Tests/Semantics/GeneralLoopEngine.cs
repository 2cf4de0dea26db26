using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Semantics;

/// <summary>
/// The kernel's general loop, with the model's per-step code compiled to .NET code (<paramref name="generatedCode"/>
/// true, where the model has per-step code) or interpreted (false, as <c>--no-codegen</c>). It runs every model: one
/// the table loop cannot take through a whole run on two threads, as a user runs it; one the table loop would take
/// trial by trial with an observer, which keeps the simulator on the general loop.
/// </summary>
internal sealed class GeneralLoopEngine(bool generatedCode) : ISemanticsEngine
{
    public string Name => generatedCode ? "general loop, generated code" : "general loop, interpreted";

    public string? CannotRun(StepRule rule) => null;

    public void AssertCannotRun(string yaml) => Assert.Fail($"the {Name} runs every model");

    public IAnswer Run(string yaml, long trials, int seed)
    {
        var model = ScenarioPipeline.PrepareText(yaml, "test.yaml").Model;
        if (TableTrialLoop.For(model) is null)
            return new RunResultAnswer(Simulate.Text(yaml, trials, generatedCode, (ulong)seed, threads: 2), exact: false);
        var simulator = new TrialSimulator(model, (ulong)seed, generatedCode);
        var observer = new SilentObserver();
        var values = new double[model.ValuePrograms.Length];
        var outcomes = new double[model.Scenario.Outcomes.Count];
        var answer = new TrialSampleAnswer(model);
        for (long trial = 0; trial < trials; trial++)
        {
            simulator.Run(trial, values, observer);
            simulator.ReadOutcomes(values, outcomes);
            answer.Add(outcomes);
        }
        answer.Finish(simulator.Tallies.CompleteOccupancy());
        return answer;
    }

    /// <summary>Watches nothing; its presence alone keeps the trials on the general loop.</summary>
    private sealed class SilentObserver : ITrialObserver
    {
        public void OnStart(long trial, IReadOnlyList<double> parameters, IReadOnlyList<int> states, IReadOnlyList<double> variables)
        {
        }

        public void OnStep(int step, IReadOnlyList<int> before, IReadOnlyList<int> after, IReadOnlyList<double> variables)
        {
        }
    }
}
