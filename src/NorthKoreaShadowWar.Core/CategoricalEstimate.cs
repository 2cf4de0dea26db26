using NorthKoreaShadowWar.Results;

namespace NorthKoreaShadowWar;

/// <summary>The state a machine ends in (a <c>final</c> outcome): the probability of each of its states.</summary>
public sealed class CategoricalEstimate : OutcomeEstimate
{
    internal CategoricalEstimate(CategoricalResult result) : base(result.Name, result.Definition) =>
        Categories = result.Categories.Select(c => new CategoryEstimate(c.Category, c.Probability, ConfidenceInterval.Of(c.Ci95))).ToList();

    /// <summary>Every state of the machine, in the order written, with its probability.</summary>
    public IReadOnlyList<CategoryEstimate> Categories { get; }

    /// <summary>The estimate for <paramref name="state"/>.</summary>
    /// <exception cref="KeyNotFoundException">The machine has no such state.</exception>
    public CategoryEstimate this[string state] =>
        Categories.FirstOrDefault(c => c.State == state)
        ?? throw new KeyNotFoundException($"outcome '{Name}' has no state '{state}'; its states are {string.Join(", ", Categories.Select(c => c.State))}");

    /// <summary>E.g. <c>final_sk: Neutral 0.42, Lethal 0.58</c>.</summary>
    public override string ToString() => $"{Name}: {string.Join(", ", Categories.Select(c => $"{c.State} {Format(c.Probability)}"))}";
}
