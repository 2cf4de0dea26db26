using NorthKoreaShadowWar.Reference;

namespace NorthKoreaShadowWar.Tests.Architecture;

/// <summary>
/// The reference simulator, which only the tests and benchmarks use, is an assembly of its own and not part of the
/// product (docs/architecture.md, "Layering").
/// </summary>
public class ProductAssemblyTests
{
    [Test]
    public void The_core_assembly_holds_no_type_of_the_reference_simulator()
    {
        var core = typeof(EscalationScenario).Assembly;
        Assert.Multiple(() =>
        {
            Assert.That(core.GetTypes().Where(t => t.Namespace == "NorthKoreaShadowWar.Reference").Select(t => t.FullName), Is.Empty);
            Assert.That(typeof(ReferenceSimulator).Assembly, Is.Not.SameAs(core));
            Assert.That(typeof(ReferenceSimulator).Assembly.GetName().Name, Is.EqualTo("NorthKoreaShadowWar.Reference"));
        });
    }
}
