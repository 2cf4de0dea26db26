using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace NorthKoreaShadowWar.Tests.Explorer;

/// <summary>
/// <c>shadowwar serve ... --port 0</c> running as a child process of the tests, built beside them; its address is read
/// from the line it prints. Disposing stops it.
/// </summary>
internal sealed partial class ExplorerProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder errors = new();

    private ExplorerProcess(Process process, Uri url)
    {
        this.process = process;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>What the server wrote to standard error so far.</summary>
    public string Errors
    {
        get
        {
            lock (errors) return errors.ToString();
        }
    }

    public static ExplorerProcess Start(params string[] arguments)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "shadowwar.dll"));
        start.ArgumentList.Add("serve");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        var explorer = (ExplorerProcess?)null;
        var collected = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (collected) collected.AppendLine(e.Data);
        };
        process.BeginErrorReadLine();
        var read = Task.Run(() =>
        {
            string? line;
            while ((line = process.StandardOutput.ReadLine()) is not null)
                if (UrlLine().Match(line) is { Success: true } match) return new Uri(match.Groups[1].Value);
            return null;
        });
        if (!read.Wait(TimeSpan.FromSeconds(60)) || read.Result is null)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (collected) Assert.Fail($"shadowwar serve did not print its address within 60 s; it said: {collected}");
        }
        explorer = new ExplorerProcess(process, read.Result!);
        lock (collected) explorer.errors.Append(collected);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (explorer.errors) explorer.errors.AppendLine(e.Data);
        };
        return explorer;
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
    }

    [GeneratedRegex(@"^Open (http://\S+) in a browser")]
    private static partial Regex UrlLine();
}
