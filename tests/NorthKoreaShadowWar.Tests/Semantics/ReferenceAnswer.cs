using NorthKoreaShadowWar.Reference;
using NorthKoreaShadowWar.Tests.Reference;

namespace NorthKoreaShadowWar.Tests.Semantics;

/// <summary>The estimates of a <see cref="ReferenceSimulator"/> run.</summary>
internal sealed class ReferenceAnswer(ReferenceResult result) : IAnswer
{
    public Reading Probability(string outcome) => Proportion(result.Probability(outcome).Estimate);

    public Reading Mean(string outcome)
    {
        var distribution = result.Distribution(outcome);
        return new MeanReading(distribution.Mean, distribution.StandardDeviation, distribution.Count);
    }

    public Reading Never(string outcome) => Proportion(result.Distribution(outcome).Never ?? double.NaN);

    public Reading Final(string outcome, string state) => Proportion(result.Categorical(outcome).Share(state));

    public Reading Share(string machine, string state, int step) => Proportion(result.Share(machine, state, step));

    private ProportionReading Proportion(double share) => new(share, result.Trials);
}
