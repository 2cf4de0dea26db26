using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar;

/// <summary>
/// The estimate of one outcome of a scenario: a <see cref="ProbabilityEstimate"/> (<c>reached</c>), a
/// <see cref="DistributionEstimate"/> (<c>first_step</c>, <c>value</c>, <c>steps_in</c>) or a
/// <see cref="CategoricalEstimate"/> (<c>final</c>).
/// </summary>
public abstract class OutcomeEstimate
{
    private protected OutcomeEstimate(string name, string definition)
    {
        Name = name;
        Definition = definition;
    }

    /// <summary>The outcome's name in the scenario.</summary>
    public string Name { get; }

    /// <summary>What it measures, in words, e.g. <c>reached sk_aid.Lethal within 52</c>.</summary>
    public string Definition { get; }

    /// <summary>A number with four significant digits, the same in every culture.</summary>
    private protected static string Format(double value) => value.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);

    internal static OutcomeEstimate Of(OutcomeResult result) => result switch
    {
        ProbabilityResult p => new ProbabilityEstimate(p),
        DistributionResult d => new DistributionEstimate(d),
        CategoricalResult c => new CategoricalEstimate(c),
        _ => throw new ArgumentException($"unknown kind of outcome '{result.Kind}'", nameof(result)),
    };
}
