using System.Globalization;
using NorthKoreaShadowWar.Cli.Terminal;
using NorthKoreaShadowWar.Updating;

namespace NorthKoreaShadowWar.Cli.Commands;

/// <summary>
/// <c>compare</c> of two results folders that <c>update</c> wrote (see docs/updating.md, "Comparing updated results"):
/// both must be conditioned on the same evidence; the Bayes factor of B against A, exp(log Z_B − log Z_A), with its
/// 95% interval from the two independent standard errors, beside the comparison of their outcomes.
/// </summary>
internal static class UpdatedFolders
{
    /// <summary>The file the Bayes factor is written to in the comparison's folder.</summary>
    public const string FileName = "bayes-factor.csv";

    /// <summary>Why the two folders cannot be compared as updates, or null: both updated on different evidence.</summary>
    public static string? Problem(ComparedRun a, EvidenceBlock? evidenceA, ComparedRun b, EvidenceBlock? evidenceB) =>
        evidenceA is not null && evidenceB is not null && !evidenceA.SameEvidenceAs(evidenceB)
            ? $"A ({a.Label}) was updated on {evidenceA.Describe()} and B ({b.Label}) on {evidenceB.Describe()}: "
              + "a Bayes factor compares two scenarios on the same evidence; update both on one evidence file"
            : null;

    /// <summary>A's row (the reference) and B's with its Bayes factor against A.</summary>
    public static IReadOnlyList<BayesFactors.Row> Factor(ComparedRun a, EvidenceBlock evidenceA, ComparedRun b, EvidenceBlock evidenceB) =>
        BayesFactors.Table([
            ("A: " + a.Label, (evidenceA.LogMarginalLikelihood, evidenceA.LogMarginalLikelihoodSe, evidenceA.EffectiveDraws), null),
            ("B: " + b.Label, (evidenceB.LogMarginalLikelihood, evidenceB.LogMarginalLikelihoodSe, evidenceB.EffectiveDraws), null),
        ]);

    public static void Print(IReadOnlyList<BayesFactors.Row> table, EvidenceBlock evidence, string folder)
    {
        var (a, b) = (table[0], table[1]);
        Console.WriteLine($"Bayes factor of B against A on the evidence {evidence.Describe()}: {BayesFactors.Show(b)} (95% interval)");
        Console.WriteLine($"  log marginal likelihood: A {F(a.LogZ)} ± {F(a.LogZSe)}, B {F(b.LogZ)} ± {F(b.LogZSe)}; above 1 the evidence favours B");
        Console.WriteLine($"Bayes factor in {Path.Combine(folder, FileName)}");
    }

    private static string F(double value) => double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "–";
}
