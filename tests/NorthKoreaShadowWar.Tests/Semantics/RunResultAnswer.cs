using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Semantics;

/// <summary>The numbers of a <see cref="RunResult"/>: estimates from a Monte Carlo run, or exact when <paramref name="exact"/>.</summary>
internal sealed class RunResultAnswer(RunResult result, bool exact) : IAnswer
{
    public Reading Probability(string outcome)
    {
        var probability = result.Probability(outcome);
        return Proportion(probability.Estimate);
    }

    public Reading Mean(string outcome)
    {
        var distribution = result.Distribution(outcome);
        return exact ? new ExactReading(distribution.Mean) : new MeanReading(distribution.Mean, distribution.StandardDeviation, distribution.Count);
    }

    public Reading Never(string outcome) => Proportion(result.Distribution(outcome).Never ?? double.NaN);

    public Reading Final(string outcome, string state) =>
        Proportion(result.Categorical(outcome).Categories.Single(c => c.Category == state).Probability);

    public Reading Share(string machine, string state, int step) => Proportion(result.Share(machine, state, step));

    private Reading Proportion(double share) => exact ? new ExactReading(share) : new ProportionReading(share, result.Manifest.Trials);
}
