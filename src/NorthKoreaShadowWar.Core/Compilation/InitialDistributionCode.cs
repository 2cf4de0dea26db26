using NorthKoreaShadowWar.Scenarios.Validation;

namespace NorthKoreaShadowWar.Compilation;

/// <summary>
/// A machine whose initial state is drawn (docs/scenario-format.md, "Uncertain starting points"): its states in the
/// order written and the value sources of their probabilities (trial constants: they read only parameters).
/// </summary>
internal sealed record InitialDistributionCode(int Machine, int[] States, int[] ProbabilitySources)
{
    /// <summary>
    /// Compilation pass: the initial distributions of the machines that have one, in file order. A scenario without
    /// any compiles no expression here, so its programs and slots are numbered as before.
    /// </summary>
    public static InitialDistributionCode[] Compile(IReadOnlyList<ResolvedMachine> machines, ExpressionCompiler expressions) =>
        machines.Select((machine, m) => machine.InitialShares.Count == 0 ? null
                : new InitialDistributionCode(m, [.. machine.InitialShares.Select(s => s.State)],
                    [.. machine.InitialShares.Select(s => expressions.Source(s.Probability))]))
            .OfType<InitialDistributionCode>().ToArray();
}
