using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Tests.Statistics;

public class QuantileSketchTests
{
    [Test]
    public void Few_distinct_values_give_exact_quantiles_by_the_inverted_distribution_function()
    {
        var sketch = new QuantileSketch();
        foreach (var value in new[] { 5.0, 1, 3, 2, 4, 1, 1, 5, 5, 5 }) sketch.Add(value);
        Assert.Multiple(() =>
        {
            Assert.That(sketch.IsExact, Is.True);
            Assert.That(sketch.Quantile(0.05), Is.EqualTo(1));
            Assert.That(sketch.Quantile(0.30), Is.EqualTo(1));
            Assert.That(sketch.Quantile(0.31), Is.EqualTo(2));
            Assert.That(sketch.Quantile(0.50), Is.EqualTo(3));
            Assert.That(sketch.Quantile(0.95), Is.EqualTo(5));
        });
    }

    [Test]
    public void Many_distinct_values_give_quantiles_within_the_relative_accuracy()
    {
        var sketch = new QuantileSketch();
        var values = Enumerable.Range(1, 100_000).Select(i => i * 0.37).ToArray();
        foreach (var value in values) sketch.Add(value);
        Assert.That(sketch.IsExact, Is.False);
        foreach (var q in new[] { 0.05, 0.25, 0.5, 0.75, 0.95 })
        {
            var exact = values[(int)Math.Ceiling(q * values.Length) - 1];
            Assert.That(sketch.Quantile(q), Is.EqualTo(exact).Within(QuantileSketch.RelativeAccuracy * exact * 1.0001 + 0.37), $"q = {q}");
        }
    }

    [Test]
    public void Merging_in_any_order_gives_the_same_quantiles()
    {
        var values = Enumerable.Range(0, 20_000).Select(i => Math.Sin(i) * 1000).ToArray();
        var whole = new QuantileSketch();
        foreach (var v in values) whole.Add(v);
        var left = new QuantileSketch();
        var right = new QuantileSketch();
        foreach (var v in values.Take(7_000)) left.Add(v);
        foreach (var v in values.Skip(7_000)) right.Add(v);
        var merged = new QuantileSketch();
        merged.Add(right);
        merged.Add(left);
        foreach (var q in new[] { 0.05, 0.5, 0.95 })
            Assert.That(merged.Quantile(q), Is.EqualTo(whole.Quantile(q)));
    }
}
