using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Scenarios;

namespace NorthKoreaShadowWar.Tests.Semantics;

/// <summary>
/// Estimates gathered trial by trial from what each trial gave for each outcome (as
/// <see cref="Simulation.TrialSimulator.ReadOutcomes"/> writes it), and the occupancy the simulator counted.
/// </summary>
internal sealed class TrialSampleAnswer(CompiledModel model) : IAnswer
{
    private readonly Tally[] tallies = model.Scenario.Outcomes.Select(o => new Tally(o.Kind == OutcomeKind.Final ? model.Scenario.Machines[o.Machine].States.Count : 0)).ToArray();
    private long trials;
    private long[] occupancy = [];

    /// <summary>Adds one trial's outcomes, in scenario order.</summary>
    public void Add(ReadOnlySpan<double> outcomes)
    {
        trials++;
        for (var i = 0; i < outcomes.Length; i++) tallies[i].Add(model.Scenario.Outcomes[i].Kind, outcomes[i]);
    }

    /// <summary>Sets the occupancy counted over all trials (<see cref="Simulation.TrialTallies.CompleteOccupancy"/>).</summary>
    public void Finish(long[] completeOccupancy) => occupancy = completeOccupancy;

    public Reading Probability(string outcome) => Proportion(Find(outcome).Sum);

    public Reading Mean(string outcome)
    {
        var tally = Find(outcome);
        var mean = tally.Sum / tally.Count;
        var variance = tally.Count > 1 ? Math.Max(0, (tally.SumOfSquares - tally.Count * mean * mean) / (tally.Count - 1)) : 0;
        return new MeanReading(mean, Math.Sqrt(variance), tally.Count);
    }

    public Reading Never(string outcome) => Proportion(Find(outcome).Never);

    public Reading Final(string outcome, string state)
    {
        var definition = model.Scenario.Outcomes.Single(o => o.Name == outcome);
        return Proportion(Find(outcome).Ends[IndexOf(definition.Machine, state)]);
    }

    public Reading Share(string machine, string state, int step)
    {
        var m = model.Scenario.Machines.ToList().FindIndex(d => d.Name == machine);
        return Proportion(occupancy[step * model.TotalStates + model.StateOffset[m] + IndexOf(m, state)]);
    }

    private int IndexOf(int machine, string state) => model.Scenario.Machines[machine].States.ToList().IndexOf(state);

    private Tally Find(string outcome) => tallies[model.Scenario.Outcomes.ToList().FindIndex(o => o.Name == outcome)];

    private ProportionReading Proportion(double count) => new(count / trials, trials);

    /// <summary>One outcome's running totals.</summary>
    private sealed class Tally(int states)
    {
        /// <summary>Trials where a <c>first_step</c> never happened.</summary>
        public long Never { get; private set; }

        /// <summary>Values counted in <see cref="Sum"/> (for <c>reached</c>, every trial, adding 1 or 0).</summary>
        public long Count { get; private set; }

        public double Sum { get; private set; }

        public double SumOfSquares { get; private set; }

        /// <summary>For <c>final</c>: trials by the state they ended in.</summary>
        public long[] Ends { get; } = new long[states];

        public void Add(OutcomeKind kind, double value)
        {
            if (kind == OutcomeKind.Final)
            {
                Ends[(int)value]++;
            }
            else if (double.IsNaN(value) && kind == OutcomeKind.FirstStep)
            {
                Never++;
            }
            else
            {
                Count++;
                Sum += value;
                SumOfSquares += value * value;
            }
        }
    }
}
