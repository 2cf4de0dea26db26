using NorthKoreaShadowWar.Batches;

namespace NorthKoreaShadowWar.Tests.Batches;

public class DesignTests
{
    [Test]
    public void A_grid_spaces_its_values_evenly_from_low_to_high_inclusive()
    {
        Assert.Multiple(() =>
        {
            Assert.That(GridDesign.Values(new SweepParameter("s", 0.002, 0.02, 5)), Is.EqualTo(new[] { 0.002, 0.0065, 0.011, 0.0155, 0.02 }));
            Assert.That(GridDesign.Values(new SweepParameter("s", -1, 1, 3)), Is.EqualTo(new[] { -1.0, 0, 1 }));
            Assert.That(GridDesign.Values(new SweepParameter("s", 0.3, 0.9, 1)), Is.EqualTo(new[] { 0.3 }), "N = 1 means LO only");
        });
    }

    [Test]
    public void A_grid_holds_every_combination_with_the_last_parameter_varying_fastest()
    {
        var points = GridDesign.Points([new SweepParameter("a", 0, 1, 2), new SweepParameter("b", 10, 30, 3)]);
        Assert.That(points, Is.EqualTo(new[]
        {
            new[] { 0.0, 10 }, [0.0, 20], [0.0, 30], [1.0, 10], [1.0, 20], [1.0, 30],
        }));
    }

    [Test]
    public void A_latin_hypercube_puts_exactly_one_point_in_every_stratum_of_every_parameter()
    {
        SweepParameter[] parameters = [new("a", 0, 1, null), new("b", -5, 5, null), new("c", 0.01, 0.02, null)];
        const int samples = 50;
        var points = LatinHypercubeDesign.Points(parameters, samples, seed: 7);
        Assert.That(points, Has.Count.EqualTo(samples));
        for (var j = 0; j < parameters.Length; j++)
        {
            var strata = points.Select(p => LatinHypercubeDesign.Stratum(parameters[j], p[j], samples)).Order().ToList();
            Assert.That(strata, Is.EqualTo(Enumerable.Range(0, samples)), $"parameter {parameters[j].Name}");
            Assert.That(points.All(p => p[j] >= parameters[j].Low && p[j] <= parameters[j].High));
        }
    }

    [Test]
    public void A_latin_hypercube_is_the_same_for_a_seed_and_different_for_another()
    {
        SweepParameter[] parameters = [new("a", 0, 1, null), new("b", 0, 1, null)];
        var first = LatinHypercubeDesign.Points(parameters, 20, seed: 3);
        var again = LatinHypercubeDesign.Points(parameters, 20, seed: 3);
        var other = LatinHypercubeDesign.Points(parameters, 20, seed: 4);
        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(first));
            Assert.That(other, Is.Not.EqualTo(first));
            // The pairing of strata differs too, not only the positions within them.
            Assert.That(other.Select(p => LatinHypercubeDesign.Stratum(parameters[0], p[0], 20)),
                Is.Not.EqualTo(first.Select(p => LatinHypercubeDesign.Stratum(parameters[0], p[0], 20))));
        });
    }

    [Test]
    public void A_sweep_point_fixes_each_swept_parameter_after_the_users_overrides()
    {
        var design = new SweepDesign(BatchKind.Grid, [new SweepParameter("x", 0.1, 0.2, 2)], [[0.1], [0.2]]);
        var batch = Batch.Sweep("tiny.yaml", "tiny", "slow", ["y=0.3"], design);
        Assert.Multiple(() =>
        {
            Assert.That(batch.Runs.Select(r => r.Folder), Is.EqualTo(new[] { "points/1", "points/2" }));
            Assert.That(batch.Runs[1].Overrides, Is.EqualTo(new[] { "y=0.3", "x=0.2" }));
            Assert.That(batch.Runs[1].Variant, Is.EqualTo("slow"));
        });
    }
}
