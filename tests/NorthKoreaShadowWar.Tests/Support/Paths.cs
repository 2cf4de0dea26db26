namespace NorthKoreaShadowWar.Tests.Support;

/// <summary>Folders of the repository, found from the test binaries.</summary>
internal static class Paths
{
    public static string Repository { get; } = FindRepository();

    public static string Scenarios => Path.Combine(Repository, "scenarios");

    private static string FindRepository()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NorthKoreaShadowWar.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("cannot find the repository root above the test binaries");
    }
}
