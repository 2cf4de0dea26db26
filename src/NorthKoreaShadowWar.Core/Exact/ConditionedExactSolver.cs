using System.Diagnostics;
using NorthKoreaShadowWar.Compilation;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Expressions;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Exact;

/// <summary>
/// An exact answer conditioned on evidence: the posterior, the prior, the log marginal likelihood of the evidence, and
/// every outcome prior against posterior, the largest moves first.
/// </summary>
internal sealed record ConditionedExactResult(RunResult Posterior, RunResult Prior, double LogMarginalLikelihood, IReadOnlyList<OutcomeShift> Changes);

/// <summary>
/// <c>exact --evidence</c>: the scenarios <see cref="ExactSolver"/> solves, conditioned on an evidence file with the
/// likelihoods <c>update</c> uses (see docs/updating.md), by exact propagation of the joint distribution.
/// </summary>
internal static class ConditionedExactSolver
{
    /// <summary>Reports, at each observation's position, the observations exact propagation cannot condition on: those that read variables.</summary>
    public static void Check(EvidenceFile evidence, DiagnosticBag diagnostics)
    {
        foreach (var observation in evidence.Observations)
        {
            var (what, expression) = observation switch
            {
                ConditionObservation c => ($"its condition '{c.Condition.Text}'", c.Bound),
                MeasurementObservation m => ($"what it measures, '{m.Quantity.Text}',", m.Bound),
                _ => ("", null),
            };
            if (expression is not null && BoundExpressionFacts.ReadsVariables(expression))
                diagnostics.Error(observation.Position,
                    $"exact cannot condition on this observation: {what} reads variables, and exact tracks machine states only (use update)");
        }
    }

    /// <summary>Solves <paramref name="model"/> exactly, prior and conditioned on <paramref name="evidence"/>.</summary>
    /// <exception cref="ExactNotPossibleException">The scenario, or the evidence, is not one exact propagation can solve; the message says why.</exception>
    /// <exception cref="EvidenceImpossibleException">The evidence has probability zero under the scenario.</exception>
    /// <exception cref="InvalidOperationException">An observation reads variables (<see cref="Check"/> reports those).</exception>
    public static ConditionedExactResult Solve(CompiledModel model, EvidenceFile evidence)
    {
        var prior = ExactSolver.Solve(model);
        var problems = new DiagnosticBag();
        Check(evidence, problems);
        if (problems.HasErrors) throw new InvalidOperationException(string.Join(Environment.NewLine, problems.Sorted()));
        var stopwatch = Stopwatch.StartNew();
        var space = new JointStateSpace(model);
        var (distributions, logZ) = ConditionedPropagation.Run(model, space, JointTransitions.Build(model, space), model.FixedSlots, evidence);
        stopwatch.Stop();
        var posterior = ExactSolver.Results(model, distributions, "exact-evidence", stopwatch.Elapsed.TotalSeconds);
        return new ConditionedExactResult(posterior, prior, logZ, EvidenceShifts.Outcomes(prior.Outcomes, posterior.Outcomes));
    }
}
