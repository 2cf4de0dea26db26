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

    /// <summary>Runs <c>shadowwar</c> and asserts that it exits 0; gives its output.</summary>
    public static string Succeed(params string[] args)
    {
        var (exitCode, output, error) = Run(args);
        Assert.That(exitCode, Is.EqualTo(0), $"shadowwar {string.Join(' ', args)}\n{error}");
        return output;
    }

    /// <summary>Runs <c>shadowwar</c> and asserts that it refuses, exit 2; gives its error output.</summary>
    public static string Refused(params string[] args)
    {
        var (exitCode, _, error) = Run(args);
        Assert.That(exitCode, Is.EqualTo(2), $"shadowwar {string.Join(' ', args)} should be refused\n{error}");
        return error;
    }
}
