using System.Diagnostics;

namespace NorthKoreaShadowWar.Tests.Support;

/// <summary>
/// Runs <c>shadowwar</c> in a process of its own, killed after a deadline: for commands that, broken, would block for
/// good (reading a FIFO), so the test fails instead of hanging the suite.
/// </summary>
internal static class CommandProcess
{
    public static (int ExitCode, string Error) Run(TimeSpan deadline, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "shadowwar.dll"));
        foreach (var argument in args) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(deadline))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"shadowwar {string.Join(' ', args)} was still running after {deadline.TotalSeconds} s");
        }
        output.Wait();
        return (process.ExitCode, error.Result);
    }
}
