using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Library;

/// <summary>
/// <c>dotnet pack</c> makes the core a NuGet package and the command line a .NET tool that installs from the packed
/// folder and runs (docs/library.md, "Packages").
/// </summary>
[Category("Package")]
public class PackageTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);

    [Test]
    public void The_packed_tool_installs_from_the_folder_and_validates_the_baseline()
    {
        var folder = Directory.CreateTempSubdirectory("shadowwar-pack-").FullName;
        try
        {
            var packed = Path.Combine(folder, "packages");
            var tools = Path.Combine(folder, "tools");
            var (packCode, packOutput) = ExternalProcess.Run("dotnet",
                ["pack", "NorthKoreaShadowWar.sln", "-c", "Release", "--no-build", "-o", packed], Paths.Repository, Deadline);
            Assert.That(packCode, Is.Zero, packOutput);
            Assert.That(Directory.GetFiles(packed).Select(Path.GetFileName),
                Is.EquivalentTo(new[] { "NorthKoreaShadowWar.Core.0.1.0.nupkg", "shadowwar.0.1.0.nupkg" }));
            var (installCode, installOutput) = ExternalProcess.Run("dotnet",
                ["tool", "install", "--tool-path", tools, "--add-source", packed, "shadowwar"], folder, Deadline);
            Assert.That(installCode, Is.Zero, installOutput);
            var (code, output) = ExternalProcess.Run(Path.Combine(tools, "shadowwar"), ["validate", "scenarios/baseline.yaml"], Paths.Repository, Deadline);
            Assert.Multiple(() =>
            {
                Assert.That(code, Is.Zero, output);
                Assert.That(output, Does.Contain("scenarios/baseline.yaml: ok"));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
