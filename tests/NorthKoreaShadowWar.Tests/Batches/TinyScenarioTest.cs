namespace NorthKoreaShadowWar.Tests.Batches;

/// <summary>A test with a fresh folder holding <see cref="BatchScenarios.Tiny"/> as <c>tiny.yaml</c>, deleted afterwards.</summary>
public abstract class TinyScenarioTest
{
    /// <summary>The test's own folder.</summary>
    protected string Folder { get; private set; } = "";

    /// <summary>The path of <c>tiny.yaml</c> in <see cref="Folder"/>.</summary>
    protected string Scenario { get; private set; } = "";

    [SetUp]
    public void CreateFolder()
    {
        Folder = Directory.CreateTempSubdirectory("shadowwar-batch-").FullName;
        Scenario = BatchScenarios.Write(Folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(Folder, recursive: true);
}
