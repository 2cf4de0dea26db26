using System.CommandLine;
using NorthKoreaShadowWar.Cli.Terminal;
using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Cli.Commands;

/// <summary><c>shadowwar validate FILE...</c>: every problem of every file (and each file's variants) in one pass.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Scenario files to check", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check scenario files and their variants; print every problem as FILE:LINE:COL: error: message")
        {
            files,
        };
        command.SetAction(parsed => Execute(parsed.GetValue(files)!));
        return command;
    }

    public static int Execute(IReadOnlyList<string> files)
    {
        var failed = false;
        foreach (var file in files)
        {
            var diagnostics = ScenarioPipeline.Validate(file);
            DiagnosticPrinter.Print(diagnostics);
            var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            var warnings = diagnostics.Count - errors;
            if (errors > 0)
            {
                failed = true;
                Console.Error.WriteLine($"{file}: {errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}");
            }
            else
            {
                Console.WriteLine($"{file}: ok{(warnings > 0 ? $" ({warnings} warning{(warnings == 1 ? "" : "s")})" : "")}");
            }
        }
        return failed ? Program.BadInput : Program.Ok;
    }
}
