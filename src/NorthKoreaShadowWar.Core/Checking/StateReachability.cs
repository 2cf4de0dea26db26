using System.Globalization;
using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Checking;

/// <summary>
/// The earliest step at which each state of each machine can be reached (see docs/checking.md): a breadth-first search
/// over the machine's transitions from the states it may start in (its initial state, or those of its initial
/// distribution whose probability is not always 0), ignoring probabilities and guards, and leaving out only
/// transitions whose probability is 0 in every trial. A state possible after step t is at most t steps away, so the
/// states within t steps hold every state the machine can be in after step t.
/// </summary>
internal sealed class StateReachability
{
    private readonly ResolvedScenario scenario;
    private readonly int[][] earliest;
    private readonly int[][] previous;

    private StateReachability(ResolvedScenario scenario, int[][] earliest, int[][] previous)
    {
        this.scenario = scenario;
        this.earliest = earliest;
        this.previous = previous;
    }

    public static StateReachability Of(ResolvedScenario scenario)
    {
        var parameters = ScenarioChecks.ParameterRanges(scenario);
        var earliest = new int[scenario.Machines.Count][];
        var previous = new int[scenario.Machines.Count][];
        for (var m = 0; m < scenario.Machines.Count; m++)
        {
            var machine = scenario.Machines[m];
            earliest[m] = Enumerable.Repeat(-1, machine.States.Count).ToArray();
            previous[m] = Enumerable.Repeat(-1, machine.States.Count).ToArray();
            var queue = new Queue<int>();
            foreach (var start in ScenarioChecks.StartingStates(machine, parameters))
            {
                earliest[m][start] = 0;
                queue.Enqueue(start);
            }
            while (queue.TryDequeue(out var state))
            {
                foreach (var transition in machine.Transitions)
                {
                    if (!transition.From.Contains(state) || earliest[m][transition.To] >= 0 || ScenarioChecks.NeverTaken(transition, parameters)) continue;
                    earliest[m][transition.To] = earliest[m][state] + 1;
                    previous[m][transition.To] = state;
                    queue.Enqueue(transition.To);
                }
            }
        }
        return new StateReachability(scenario, earliest, previous);
    }

    /// <summary>The earliest step at which <paramref name="state"/> of machine <paramref name="machine"/> can be reached, or −1 for never.</summary>
    public int Earliest(int machine, int state) => earliest[machine][state];

    /// <summary>Whether machine <paramref name="machine"/> can be in <paramref name="state"/> after step <paramref name="step"/> (an over-approximation).</summary>
    public bool Possible(int machine, int state, int step) => earliest[machine][state] is >= 0 and var e && e <= step;

    /// <summary>The states machine <paramref name="machine"/> can be in after step <paramref name="step"/> (an over-approximation).</summary>
    public IReadOnlyList<int> PossibleAt(int machine, int step) =>
        Enumerable.Range(0, earliest[machine].Length).Where(s => Possible(machine, s, step)).ToList();

    /// <summary>A shortest path to <paramref name="state"/>, e.g. <c>Confirmed → Training → Front</c>, or null when it cannot be reached.</summary>
    public string? PathTo(int machine, int state)
    {
        if (earliest[machine][state] < 0) return null;
        var names = scenario.Machines[machine].States;
        var path = new List<string>();
        for (var s = state; s >= 0; s = previous[machine][s]) path.Add(names[s]);
        path.Reverse();
        return string.Join(" → ", path);
    }

    /// <summary>Why machine <paramref name="machine"/> cannot be in <paramref name="state"/> after step <paramref name="step"/>.</summary>
    public string WhyNot(int machine, int state, int step)
    {
        var name = scenario.Machines[machine].States[state];
        return earliest[machine][state] < 0
            ? $"'{name}' can never be reached"
            : string.Create(CultureInfo.InvariantCulture, $"'{name}' can first be reached at step {earliest[machine][state]} ({PathTo(machine, state)}), after step {step}");
    }
}
