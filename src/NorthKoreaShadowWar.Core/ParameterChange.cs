using System.Text;

namespace NorthKoreaShadowWar;

/// <summary>How the evidence moved a drawn parameter: its mean and 90% interval before and after.</summary>
/// <param name="Name">The parameter.</param>
/// <param name="PriorMean">The mean before the evidence.</param>
/// <param name="Prior90">The 5th and 95th percentiles before the evidence.</param>
/// <param name="PosteriorMean">The mean given the evidence.</param>
/// <param name="Posterior90">The 5th and 95th percentiles given the evidence.</param>
public sealed record ParameterChange(string Name, double PriorMean, (double P05, double P95) Prior90, double PosteriorMean, (double P05, double P95) Posterior90)
{
    private bool PrintMembers(StringBuilder builder) => RecordMembers.Print(builder, ("Name", Name), ("PriorMean", PriorMean), ("Prior90", Prior90), ("PosteriorMean", PosteriorMean), ("Posterior90", Posterior90));
}
