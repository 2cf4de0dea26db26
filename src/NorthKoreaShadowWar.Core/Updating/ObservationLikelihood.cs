using NorthKoreaShadowWar.Expressions;

namespace NorthKoreaShadowWar.Updating;

/// <summary>
/// The likelihood of one observation (the table in docs/updating.md), as <c>update</c> weighs a trial and as
/// <c>exact --evidence</c> weighs a joint state: from the state after the observation's step and, for
/// <c>first_held</c> and <c>not_held_by</c>, the first step up to the observation's at which its condition held.
/// </summary>
internal static class ObservationLikelihood
{
    /// <summary>
    /// The likelihood of <paramref name="observation"/> where the state after its step is <paramref name="inputs"/> and
    /// its condition first held at step <paramref name="firstHeld"/> (−1: at no step up to its own; used only by
    /// <c>first_held</c> and <c>not_held_by</c>, see <see cref="ConditionObservation.Watching"/>).
    /// </summary>
    public static double Of(Observation observation, ExpressionInputs inputs, int firstHeld) =>
        FromSeen(observation, Seen(observation, inputs, firstHeld));

    /// <summary>
    /// What the trial shows of <paramref name="observation"/>: for a condition, 1 when its statement is true and 0 when
    /// not; for a measurement, the true value; for a report, the machine's state.
    /// </summary>
    public static double Seen(Observation observation, ExpressionInputs inputs, int firstHeld) => observation switch
    {
        ConditionObservation { Claim: ConditionClaim.Holds } c => ReferenceEvaluator.IsTrue(c.Bound, inputs) ? 1 : 0,
        ConditionObservation { Claim: ConditionClaim.DoesNotHold } c => ReferenceEvaluator.IsTrue(c.Bound, inputs) ? 0 : 1,
        ConditionObservation { Claim: ConditionClaim.FirstHeld } c => firstHeld >= c.From ? 1 : 0,
        ConditionObservation => firstHeld < 0 ? 1 : 0,
        MeasurementObservation m => ReferenceEvaluator.Evaluate(m.Bound, inputs),
        ReportObservation r => inputs.States[r.MachineIndex],
        _ => throw new InvalidOperationException(observation.GetType().Name),
    };

    /// <summary>The likelihood of <paramref name="observation"/> given what the trial shows of it (<see cref="Seen"/>).</summary>
    public static double FromSeen(Observation observation, double seen) => observation switch
    {
        ConditionObservation c => c.Likelihood(seen == 1),
        MeasurementObservation m => m.Likelihood(seen),
        ReportObservation r => r.LikelihoodByState[(int)seen],
        _ => throw new InvalidOperationException(observation.GetType().Name),
    };
}
