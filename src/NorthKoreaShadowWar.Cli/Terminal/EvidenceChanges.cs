using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Cli.Terminal;

/// <summary>Prints what the evidence changed: outcomes prior → posterior, the largest moves first (see docs/updating.md).</summary>
internal static class EvidenceChanges
{
    public static void Print(IReadOnlyList<OutcomeShift> changes)
    {
        Console.WriteLine("What the evidence changed (prior → posterior, the largest moves first):");
        foreach (var change in changes.Take(12))
            Console.WriteLine($"  {change.Outcome,-28} {change.Measure,-12} {Show(change.Measure, change.Prior),10} → {Show(change.Measure, change.Posterior),-10}");
    }

    private static string Show(string measure, double value) =>
        measure == "mean" ? OutcomeTable.Number(value) : OutcomeTable.Percent(value);
}
