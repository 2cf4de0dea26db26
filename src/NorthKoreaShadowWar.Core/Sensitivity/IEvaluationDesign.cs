namespace NorthKoreaShadowWar.Sensitivity;

/// <summary>
/// A fixed list of evaluations: each is one trial, run with a trial number (which selects the machines' random
/// streams) and a vector of values for the random parameters. Both depend only on the evaluation's index, so the
/// results do not depend on which thread runs which evaluation.
/// </summary>
internal interface IEvaluationDesign
{
    /// <summary>How many evaluations the design has.</summary>
    long Count { get; }

    /// <summary>The trial number evaluation <paramref name="evaluation"/> runs as.</summary>
    long TrialOf(long evaluation);

    /// <summary>Writes the random parameters' values of evaluation <paramref name="evaluation"/> (in <c>RandomParameters</c> order).</summary>
    void ParametersOf(long evaluation, Span<double> values);
}
