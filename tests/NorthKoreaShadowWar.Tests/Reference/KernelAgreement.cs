using NorthKoreaShadowWar.Reference;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Reference;

/// <summary>
/// Compares the fast kernel's results with the reference simulator's, each number within
/// <see cref="Tolerance.StandardErrors"/> standard errors of the difference of two independent estimates.
/// </summary>
internal static class KernelAgreement
{
    /// <summary>Where both estimates are exactly 0 or 1 (or constant) the difference must be 0, up to rounding.</summary>
    private const double Floor = 1e-9;

    /// <summary>
    /// Every number on which <paramref name="kernel"/> and <paramref name="reference"/> disagree: each outcome and the
    /// occupancy after the last step, or after every step when <paramref name="everyStep"/> is set.
    /// </summary>
    public static List<string> Disagreements(RunResult kernel, ReferenceResult reference, bool everyStep = false)
    {
        var problems = new List<string>();
        var kernelTrials = kernel.Manifest.Trials;
        var referenceTrials = reference.Trials;
        foreach (var outcome in kernel.Outcomes)
        {
            var mine = reference.Outcome(outcome.Name);
            switch (outcome, mine)
            {
                case (ProbabilityResult k, ReferenceProbability r):
                    Proportion(problems, k.Name, k.Estimate, k.Trials, r.Estimate, r.Trials);
                    break;
                case (DistributionResult k, ReferenceDistribution r):
                    if (k.Never is { } never) Proportion(problems, $"{k.Name} never", never, kernelTrials, r.Never ?? double.NaN, referenceTrials);
                    Mean(problems, k.Name, (k.Mean, k.StandardDeviation, k.Count), (r.Mean, r.StandardDeviation, r.Count));
                    break;
                case (CategoricalResult k, ReferenceCategorical r):
                    foreach (var (state, probability, _) in k.Categories)
                        Proportion(problems, $"{k.Name} = {state}", probability, kernelTrials, r.Share(state), referenceTrials);
                    break;
                default:
                    problems.Add($"{outcome.Name}: the kernel reports a {outcome.Kind}, the reference a {mine.GetType().Name}");
                    break;
            }
        }
        foreach (var machine in kernel.Occupancy)
        {
            foreach (var (state, shares) in machine.States)
            {
                var last = shares.Length - 1;
                for (var step = everyStep ? 0 : last; step <= last; step++)
                    Proportion(problems, $"occupancy {machine.Machine} = {state} after step {step}", shares[step], kernelTrials,
                        reference.Share(machine.Machine, state, step), referenceTrials);
            }
        }
        return problems;
    }

    private static void Proportion(List<string> problems, string what, double kernel, long kernelTrials, double reference, long referenceTrials)
    {
        var tolerance = Math.Max(Floor, Tolerance.StandardErrors * Math.Sqrt(
            kernel * (1 - kernel) / kernelTrials + reference * (1 - reference) / referenceTrials));
        if (!(Math.Abs(kernel - reference) <= tolerance))
            problems.Add($"{what}: kernel {kernel:G6} vs reference {reference:G6} (difference {Math.Abs(kernel - reference):G3}, 5 SE = {tolerance:G3})");
    }

    private static void Mean(List<string> problems, string what, (double Mean, double Sd, long Count) kernel, (double Mean, double Sd, long Count) reference)
    {
        // A first_step that never happened on one side has no mean; its "never" share already tells the two apart.
        if (kernel.Count == 0 || reference.Count == 0) return;
        if (double.IsNaN(kernel.Mean) && double.IsNaN(reference.Mean)) return;
        var scale = Math.Max(1, Math.Max(Math.Abs(kernel.Mean), Math.Abs(reference.Mean)));
        var tolerance = Math.Max(Floor * scale, Tolerance.StandardErrors * Math.Sqrt(
            kernel.Sd * kernel.Sd / kernel.Count + reference.Sd * reference.Sd / reference.Count));
        if (!(Math.Abs(kernel.Mean - reference.Mean) <= tolerance))
            problems.Add($"{what} mean: kernel {kernel.Mean:G6} (sd {kernel.Sd:G3}, n {kernel.Count}) vs reference {reference.Mean:G6} " +
                         $"(sd {reference.Sd:G3}, n {reference.Count}) (difference {Math.Abs(kernel.Mean - reference.Mean):G3}, 5 SE = {tolerance:G3})");
    }
}
