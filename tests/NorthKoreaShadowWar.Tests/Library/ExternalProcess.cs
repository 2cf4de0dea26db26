using System.Diagnostics;

namespace NorthKoreaShadowWar.Tests.Library;

/// <summary>Runs a program to its end within a generous deadline and returns its exit code and everything it wrote.</summary>
internal static class ExternalProcess
{
    public static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan deadline)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(deadline))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} did not finish within {deadline}");
        }
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
