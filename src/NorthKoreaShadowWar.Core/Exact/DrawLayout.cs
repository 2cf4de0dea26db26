using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Description;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Scenarios;
using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Exact;

/// <summary>
/// Lays out, as one vector of numbers per parameter draw, everything conditional-exact averages: for a probability
/// its value; for a first step its distribution, the share never reached, and the sums a ratio estimate of the mean
/// needs; for a step count its distribution and mean; for a final state the share of each state; then occupancy.
/// Sums and sums of squares of these vectors over the draws give every estimate and interval.
/// </summary>
internal sealed class DrawLayout
{
    private readonly CompiledModel model;
    private readonly int[] start;
    private readonly int occupancyStart;

    public DrawLayout(CompiledModel model)
    {
        this.model = model;
        var horizon = model.Horizon;
        var outcomes = model.Scenario.Outcomes;
        start = new int[outcomes.Count];
        var length = 0;
        for (var i = 0; i < outcomes.Count; i++)
        {
            start[i] = length;
            length += outcomes[i].Kind switch
            {
                OutcomeKind.Reached => 1,
                OutcomeKind.FirstStep => horizon + 1 + 4,
                OutcomeKind.StepsIn => horizon + 1 + 1,
                _ => model.StateCount[outcomes[i].Machine],
            };
        }
        occupancyStart = length;
        Length = length + model.TotalStates * (horizon + 1);
    }

    public int Length { get; }

    public void Fill(ExactDistributions distributions, double[] values)
    {
        var horizon = model.Horizon;
        var outcomes = model.Scenario.Outcomes;
        for (var i = 0; i < outcomes.Count; i++)
        {
            var at = start[i];
            var tracker = model.OutcomeTracker[i];
            switch (outcomes[i].Kind)
            {
                case OutcomeKind.Reached:
                    values[at] = distributions.FirstSteps[tracker].Take(outcomes[i].Within + 1).Sum();
                    break;
                case OutcomeKind.FirstStep:
                    var first = distributions.FirstSteps[tracker];
                    Array.Copy(first, 0, values, at, horizon + 1);
                    var stepSum = Enumerable.Range(0, horizon + 1).Sum(t => t * first[t]);
                    var happened = 1 - first[horizon + 1];
                    values[at + horizon + 1] = first[horizon + 1];
                    values[at + horizon + 2] = stepSum;
                    values[at + horizon + 3] = happened;
                    values[at + horizon + 4] = stepSum * happened;
                    break;
                case OutcomeKind.StepsIn:
                    var counts = distributions.StepsIn[tracker];
                    Array.Copy(counts, 0, values, at, horizon + 1);
                    values[at + horizon + 1] = Enumerable.Range(0, horizon + 1).Sum(k => k * counts[k]);
                    break;
                default:
                    for (var s = 0; s < model.StateCount[tracker]; s++) values[at + s] = distributions.Occupancy[tracker][s][horizon];
                    break;
            }
        }
        for (var m = 0; m < model.MachineCount; m++)
            for (var s = 0; s < model.StateCount[m]; s++)
                Array.Copy(distributions.Occupancy[m][s], 0, values, occupancyStart + (model.StateOffset[m] + s) * (horizon + 1), horizon + 1);
    }

    /// <summary>
    /// Turns a draw's values into deviations from the first draw's (<paramref name="reference"/>), so sums of squares
    /// do not cancel; the product slot of a first step becomes the product of its two deviations (for the covariance).
    /// </summary>
    public void Shift(double[] values, double[] reference)
    {
        for (var k = 0; k < values.Length; k++) values[k] -= reference[k];
        var horizon = model.Horizon;
        for (var i = 0; i < start.Length; i++)
            if (model.Scenario.Outcomes[i].Kind == OutcomeKind.FirstStep)
                values[start[i] + horizon + 4] = values[start[i] + horizon + 2] * values[start[i] + horizon + 3];
    }

    /// <summary>Estimates and intervals from the sums of the shifted values and of their squares.</summary>
    public ConditionalExactResult Results(double[] sum, double[] squares, double[] reference, long draws, ulong seed, RunPerformance performance)
    {
        var horizon = model.Horizon;
        var scenario = model.Scenario;
        double Mean(int k) => reference[k] + sum[k] / draws;
        double Variance(int k) => draws > 1 ? Math.Max(0, (squares[k] - sum[k] * sum[k] / draws) / (draws - 1)) : 0;
        (double, double) Interval(int k, double lower = double.NegativeInfinity, double upper = double.PositiveInfinity)
        {
            var (low, high) = ConfidenceIntervals.Mean(Mean(k), Math.Sqrt(Variance(k)), draws);
            return (Math.Max(lower, low), Math.Min(upper, high));
        }
        var outcomes = new List<OutcomeResult>();
        var reductions = new List<(string, double)>();
        foreach (var (outcome, i) in scenario.Outcomes.Select((o, i) => (o, i)))
        {
            var at = start[i];
            var text = OutcomeText.AsWritten(outcome.Definition);
            switch (outcome.Kind)
            {
                case OutcomeKind.Reached:
                    var p = Mean(at);
                    outcomes.Add(new ProbabilityResult(outcome.Name, text, p, Interval(at, 0, 1), 0, draws));
                    reductions.Add((outcome.Name, Variance(at) > 0 ? p * (1 - p) / Variance(at) : double.PositiveInfinity));
                    break;
                case OutcomeKind.FirstStep:
                    var pmf = Enumerable.Range(0, horizon + 1).Select(t => Mean(at + t)).ToArray();
                    outcomes.Add(Distribution(outcome.Name, text, pmf, RatioMean(at + horizon + 2, at + horizon + 3, at + horizon + 4), Mean(at + horizon + 1), draws));
                    break;
                case OutcomeKind.StepsIn:
                    var counts = Enumerable.Range(0, horizon + 1).Select(k => Mean(at + k)).ToArray();
                    outcomes.Add(Distribution(outcome.Name, text, counts, (Mean(at + horizon + 1), Interval(at + horizon + 1)), null, draws));
                    break;
                default:
                    var states = scenario.Machines[outcome.Machine].States;
                    outcomes.Add(new CategoricalResult(outcome.Name, text,
                        states.Select((state, s) => (state, Mean(at + s), Interval(at + s, 0, 1))).ToList()));
                    break;
            }
        }
        var occupancy = scenario.Machines.Select((machine, m) => new MachineOccupancy(machine.Name, machine.States.Select((state, s) =>
            (state, Enumerable.Range(0, horizon + 1).Select(t => Mean(occupancyStart + (model.StateOffset[m] + s) * (horizon + 1) + t)).ToArray())).ToList())).ToList();
        var manifest = ResultsBuilder.Manifest(scenario, seed, draws, "conditional-exact");
        return new ConditionalExactResult(new RunResult(manifest, outcomes, occupancy, performance), reductions);

        // The mean first step given it happens is a ratio of two averages; its interval comes from the delta method.
        (double Mean, (double, double) Interval) RatioMean(int numerator, int denominator, int product)
        {
            var a = Mean(numerator);
            var b = Mean(denominator);
            if (!(b > 0)) return (double.NaN, (double.NaN, double.NaN));
            var ratio = a / b;
            var covariance = draws > 1 ? (sum[product] - sum[numerator] * sum[denominator] / draws) / (draws - 1) : 0;
            var variance = Math.Max(0, (Variance(numerator) - 2 * ratio * covariance + ratio * ratio * Variance(denominator)) / (draws * b * b));
            var half = ConfidenceIntervals.Z95 * Math.Sqrt(variance);
            return (ratio, (ratio - half, ratio + half));
        }
    }

    /// <summary>A distribution over 0..horizon from its averaged probabilities, with the mean and interval given.</summary>
    private static DistributionResult Distribution(string name, string text, double[] probabilities, (double Mean, (double, double) Interval) mean, double? never, long draws)
    {
        var happened = probabilities.Sum();
        var variance = happened > 0 ? probabilities.Select((p, k) => p * (k - mean.Mean) * (k - mean.Mean)).Sum() / happened : double.NaN;
        var support = Enumerable.Range(0, probabilities.Length).Where(k => probabilities[k] > 0).ToList();
        return new DistributionResult(name, text, mean.Mean, mean.Interval, Math.Sqrt(variance),
            ResultsBuilder.ReportedQuantiles.Select(q => (q.Label, ExactOutcomes.Quantile(probabilities, happened, q.Probability))).ToList(),
            never, draws, support.Count > 0 ? support[0] : double.NaN, support.Count > 0 ? support[^1] : double.NaN, QuantilesExact: true)
        {
            Points = support.Select(k => ((double)k, probabilities[k])).ToList(),
        };
    }
}
