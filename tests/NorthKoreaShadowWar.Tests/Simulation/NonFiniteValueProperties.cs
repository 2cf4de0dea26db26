using System.Text.RegularExpressions;
using CsCheck;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Tests.Simulation;

/// <summary>
/// Random scenarios whose variables overflow, count down to 0 or go negative under log, read by guards, multiplier
/// and outcome conditions: a run either completes with every variable a finite number at every step, or stops with an
/// error naming the expression or variable, the trial and the step. Never a completed run on a silently false
/// condition. A failure prints the CsCheck seed that reproduces it.
/// </summary>
public class NonFiniteValueProperties
{
    private static readonly string[] Effects = ["*= 1e200", "*= -1e200", "-= 1", "+= 1", "= x - x", "= log(x)", "= x / y", "*= 2", "= exp(x)", "= z / y"];

    private static readonly string[] Conditions =
        ["x - x == 0", "z / y > 0.5 or z / y < 0.5", "x > 3", "log(x) < 10", "not (x / y < 1)", "min(x, y) >= 0", "exp(x) > 1", "m == B and y / z != 1"];

    private static readonly double[] Initials = [1, 0, -1, 3, 1e300];

    private static readonly Regex Named = new(
        @"^(machine '[a-z]+'(, state '[AB]')?: (the (guard|condition) '[^']+' of (a multiplier of )?the transition to '[AB]' compares \S+ \S+ \S+ \(.*\)|the (each_step )?effect '[^']+'( of the transition to '[AB]')? makes variable '[xyz]' \S+ \(.*\))" +
        @"|outcome '[a-z]+': the condition '[^']+' compares \S+ \S+ \S+ \(.*\)" +
        @"|variable '[xyz]': its initial value .* is \S+ \(.*\)" +
        @"|outcome 'v' is \S+ in trial \d+ \(.*\))" +
        @"(, in trial \d+ at step \d+| in trial \d+ \(.*\)|, in every trial)?$");

    /// <summary>Nine choices: initial x, y, z; the each_step effects on x and y; the transition effect on z; guard, multiplier and outcome conditions.</summary>
    private static readonly Gen<int[]> Choices = Gen.Int[0, int.MaxValue].Array[9];

    [Test]
    public void A_run_completes_with_finite_variables_or_names_the_non_finite_value()
    {
        Choices.Sample(c =>
        {
            string Pick(string[] options, int i) => options[c[i] % options.Length];
            var yaml = $$"""
                name: nonfinite
                horizon: 8
                variables:
                  x: { initial: {{Initials[c[0] % Initials.Length]}} }
                  y: { initial: {{Initials[c[1] % Initials.Length]}} }
                  z: { initial: {{Initials[c[2] % Initials.Length]}} }
                machines:
                  m:
                    initial: A
                    states: [A, B]
                    each_step: { A: { x: "{{Pick(Effects, 3)}}", y: "{{Pick(Effects, 4)}}" } }
                    transitions:
                      - { from: A, to: B, p: 0.3, when: "{{Pick(Conditions, 6)}}", multipliers: [ { when: "{{Pick(Conditions, 7)}}", by: 2 } ] }
                      - { from: B, to: A, p: 0.3, effects: { z: "{{Pick(Effects, 5)}}" } }
                outcomes:
                  o: { steps_in: "{{Pick(Conditions, 8)}}" }
                  v: { value: "x + y + z" }
                """;
            NorthKoreaShadowWar.Compilation.CompiledModel model;
            try
            {
                model = ScenarioPipeline.PrepareText(yaml, "test.yaml").Model;
            }
            catch (ScenarioException)
            {
                return;
            }
            try
            {
                MonteCarloRunner.Run(model, new RunSettings { Trials = 64, Seed = 3, Threads = 1 });
            }
            catch (SimulationException e)
            {
                Assert.That(e.Message, Does.Match(Named), yaml);
                return;
            }
            var simulator = new TrialSimulator(model, 3);
            var values = new double[model.ValuePrograms.Length];
            var observer = new FiniteVariables();
            for (var trial = 0; trial < 64; trial++) simulator.Run(trial, values, observer);
            Assert.That(observer.NonFinite, Is.Empty, yaml);
        });
    }

    /// <summary>Notes every variable that is not a finite number at the start of a trial or after a step.</summary>
    private sealed class FiniteVariables : ITrialObserver
    {
        public List<string> NonFinite { get; } = [];

        public void OnStart(long trial, IReadOnlyList<double> parameters, IReadOnlyList<int> states, IReadOnlyList<double> variables) =>
            Check(variables, $"trial {trial} at step 0");

        public void OnStep(int step, IReadOnlyList<int> before, IReadOnlyList<int> after, IReadOnlyList<double> variables) =>
            Check(variables, $"step {step}");

        private void Check(IReadOnlyList<double> variables, string when)
        {
            foreach (var value in variables)
                if (!double.IsFinite(value)) NonFinite.Add($"{value} at {when}");
        }
    }
}
