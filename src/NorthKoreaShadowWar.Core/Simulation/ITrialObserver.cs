namespace NorthKoreaShadowWar.Simulation;

/// <summary>Watches one trial as it runs: the initial state, then every simulated step.</summary>
internal interface ITrialObserver
{
    /// <summary>Called once the parameters are drawn and the variables initialised, before step 1. <paramref name="parameters"/> holds the trial constants: the parameters by index, then the values computed from them.</summary>
    void OnStart(long trial, IReadOnlyList<double> parameters, IReadOnlyList<int> states, IReadOnlyList<double> variables);

    /// <summary>Called after step <paramref name="step"/>, its effects applied: the states before and after it, and the variables now.</summary>
    void OnStep(int step, IReadOnlyList<int> before, IReadOnlyList<int> after, IReadOnlyList<double> variables);
}
