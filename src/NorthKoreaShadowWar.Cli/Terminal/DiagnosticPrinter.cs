using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Cli.Terminal;

/// <summary>Prints problems as <c>FILE:LINE:COL: error: message</c>, one per line, on standard error.</summary>
internal static class DiagnosticPrinter
{
    public static void Print(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics) Console.Error.WriteLine(diagnostic.ToString());
    }
}
