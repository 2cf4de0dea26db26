using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Library;

/// <summary>
/// The core's public surface, every public type and member, equals the checked-in list (approved-api.txt), so that a
/// change to the API is deliberate. <c>SHADOWWAR_WRITE_APPROVED_API=1</c> writes the list anew.
/// </summary>
public class ApprovedApiTests
{
    private static string ApprovedFile => Path.Combine(Paths.Repository, "tests", "NorthKoreaShadowWar.Tests", "Library", "approved-api.txt");

    [Test]
    public void The_public_api_is_the_approved_one()
    {
        var actual = PublicApi.Of(typeof(EscalationScenario).Assembly);
        if (Environment.GetEnvironmentVariable("SHADOWWAR_WRITE_APPROVED_API") == "1")
            File.WriteAllLines(ApprovedFile, actual);
        var approved = File.ReadAllLines(ApprovedFile);
        Assert.That(actual, Is.EqualTo(approved),
            $"the public API changed; if that is meant, run the test with SHADOWWAR_WRITE_APPROVED_API=1 and review the change to {ApprovedFile}. "
            + $"Added: {string.Join("; ", actual.Except(approved))}. Removed: {string.Join("; ", approved.Except(actual))}");
    }

    [Test]
    public void The_listing_shows_types_and_members_with_their_signatures()
    {
        var api = PublicApi.Of(typeof(EscalationScenario).Assembly);
        Assert.Multiple(() =>
        {
            Assert.That(api, Has.Member("sealed class NorthKoreaShadowWar.EscalationScenario"));
            Assert.That(api, Has.Some.StartsWith("  method NorthKoreaShadowWar.ScenarioResults Run(NorthKoreaShadowWar.RunOptions options = null, System.Threading.CancellationToken cancellationToken"));
        });
    }
}
