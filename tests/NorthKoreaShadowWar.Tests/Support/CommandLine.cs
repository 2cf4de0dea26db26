using NorthKoreaShadowWar.Cli;

namespace NorthKoreaShadowWar.Tests.Support;

/// <summary>Runs <c>shadowwar</c> in-process with its output captured.</summary>
internal static class CommandLine
{
    private static readonly Lock ConsoleLock = new();

    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        lock (ConsoleLock)
        {
            var originalOut = Console.Out;
            var originalError = Console.Error;
            using var output = new StringWriter();
            using var error = new StringWriter();
            Console.SetOut(output);
            Console.SetError(error);
            try
            {
                var exitCode = Program.Main(args);
                return (exitCode, output.ToString(), error.ToString());
            }
            finally
            {
                Console.SetOut(originalOut);
                Console.SetError(originalError);
            }
        }
    }
}
