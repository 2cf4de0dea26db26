using NorthKoreaShadowWar.Reference;

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
    public static double Of(Observation observation, ExpressionInputs inputs, int firstHeld) => observation switch
    {
        ConditionObservation { Claim: ConditionClaim.Holds } c => c.Likelihood(ReferenceEvaluator.IsTrue(c.Bound, inputs)),
        ConditionObservation { Claim: ConditionClaim.DoesNotHold } c => c.Likelihood(!ReferenceEvaluator.IsTrue(c.Bound, inputs)),
        ConditionObservation { Claim: ConditionClaim.FirstHeld } c => c.Likelihood(firstHeld >= c.From),
        ConditionObservation c => c.Likelihood(firstHeld < 0),
        MeasurementObservation m => m.Likelihood(ReferenceEvaluator.Evaluate(m.Bound, inputs)),
        ReportObservation r => r.LikelihoodByState[inputs.States[r.MachineIndex]],
        _ => throw new InvalidOperationException(observation.GetType().Name),
    };
}
