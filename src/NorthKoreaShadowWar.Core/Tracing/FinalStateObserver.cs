using NorthKoreaShadowWar.Simulation;

namespace NorthKoreaShadowWar.Tracing;

/// <summary>Notes, for one machine, the state a trial ends in and the step it last entered it.</summary>
internal sealed class FinalStateObserver(int machine) : ITrialObserver
{
    public int State { get; private set; }

    public int EnteredAt { get; private set; }

    public void OnStart(long trial, IReadOnlyList<double> parameters, IReadOnlyList<int> states, IReadOnlyList<double> variables)
    {
        State = states[machine];
        EnteredAt = 0;
    }

    public void OnStep(int step, IReadOnlyList<int> before, IReadOnlyList<int> after, IReadOnlyList<double> variables)
    {
        if (after[machine] == State) return;
        State = after[machine];
        EnteredAt = step;
    }
}
