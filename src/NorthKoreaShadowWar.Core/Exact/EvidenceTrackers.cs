using System.Globalization;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Exact;

/// <summary>
/// What exact conditioning must remember of a path beyond its joint state: for each <c>first_held</c> and
/// <c>not_held_by</c> observation, where the first step at which its condition held stands. The likelihood of such an
/// observation depends on that step only through a code (see docs/updating.md): 0, not yet held; for
/// <c>not_held_by</c>, 1, held; for <c>first_held</c>, 1, first held before the range, and 2, first held in it. The
/// codes of all of them are the digits of one number, the tracker combination, which multiplies the joint states.
/// </summary>
internal sealed class EvidenceTrackers
{
    private readonly ConditionObservation[] observations;
    private readonly int[] radix;
    private readonly int[] stride;
    private readonly bool[][] holds;
    private readonly int lastStep;

    /// <param name="observations">The tracked observations.</param>
    /// <param name="holds">For each, whether its condition holds in each joint state.</param>
    public EvidenceTrackers(IReadOnlyList<ConditionObservation> observations, bool[][] holds)
    {
        this.observations = [.. observations];
        this.holds = holds;
        radix = observations.Select(o => o.Claim == ConditionClaim.FirstHeld ? 3 : 2).ToArray();
        stride = new int[radix.Length];
        long combinations = 1;
        for (var i = 0; i < radix.Length; i++)
        {
            stride[i] = (int)Math.Min(combinations, int.MaxValue);
            combinations *= radix[i];
            if (combinations > JointStateSpace.MaximumStates)
                throw new ExactNotPossibleException(
                    string.Create(CultureInfo.InvariantCulture, $"the evidence's {radix.Length} first_held and not_held_by observations make more than {JointStateSpace.MaximumStates:N0} combinations to track (use update)"));
        }
        Combinations = (int)combinations;
        lastStep = observations.Count == 0 ? -1 : observations.Max(o => o.To);
    }

    /// <summary>How many tracker combinations there are.</summary>
    public int Combinations { get; }

    /// <summary>Whether any tracker can still change after step <paramref name="step"/>.</summary>
    public bool Active(int step) => step <= lastStep;

    /// <summary>The index of <paramref name="observation"/> among the tracked ones, or −1.</summary>
    public int IndexOf(Observation observation) => Array.IndexOf(observations, observation);

    /// <summary>The combination after step <paramref name="step"/>, which left the path in joint state <paramref name="state"/>.</summary>
    public int Advance(int combination, int state, int step)
    {
        for (var i = 0; i < observations.Length; i++)
        {
            var code = combination / stride[i] % radix[i];
            if (observations[i].Watching(FirstHeld(i, code), step) && holds[i][state])
                combination += (Code(i, step) - code) * stride[i];
        }
        return combination;
    }

    /// <summary>A first step at which tracker <paramref name="tracker"/>'s condition held, in combination <paramref name="combination"/> (−1: none yet).</summary>
    public int FirstHeldIn(int combination, int tracker) => FirstHeld(tracker, combination / stride[tracker] % radix[tracker]);

    /// <summary>The code of a first step.</summary>
    private int Code(int tracker, int firstHeld) =>
        firstHeld < 0 ? 0 : radix[tracker] == 3 && firstHeld >= observations[tracker].From ? 2 : 1;

    /// <summary>A first step with code <paramref name="code"/>: every step with that code gives the same likelihood.</summary>
    private int FirstHeld(int tracker, int code) => code switch
    {
        0 => -1,
        1 => radix[tracker] == 3 ? observations[tracker].From - 1 : 0,
        _ => observations[tracker].From,
    };
}
