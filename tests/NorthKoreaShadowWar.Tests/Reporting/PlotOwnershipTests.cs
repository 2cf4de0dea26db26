using System.Reflection;
using System.Runtime.CompilerServices;
using NorthKoreaShadowWar.Reporting;
using ScottPlot;

namespace NorthKoreaShadowWar.Tests.Reporting;

/// <summary>
/// A ScottPlot <see cref="Plot"/> holds native drawing resources and is disposable. Plots are drawn where they are
/// saved and disposed there: a report's plots are descriptions that know how to draw themselves
/// (<see cref="ReportPlot.Draw"/>), and <see cref="PlotFiles.Save"/> draws, saves and disposes each.
/// </summary>
public class PlotOwnershipTests
{
    [Test]
    public void Saving_plots_disposes_every_plot_it_draws()
    {
        var drawn = new List<CountingPlot>();
        CountingPlot Draw()
        {
            var plot = new CountingPlot();
            plot.Add.Scatter(new double[] { 1, 2, 3 }, new double[] { 3, 1, 2 });
            lock (drawn) drawn.Add(plot);
            return plot;
        }
        var directory = Directory.CreateTempSubdirectory("shadowwar-plots-").FullName;
        try
        {
            var images = PlotFiles.Save([("a", Draw, 200), ("b", Draw, 300)], directory);
            Assert.Multiple(() =>
            {
                Assert.That(images, Has.Length.EqualTo(2).And.All.Not.Empty);
                Assert.That(File.Exists(Path.Combine(directory, "plots", "b.svg")));
                Assert.That(drawn.Select(plot => plot.Disposals), Is.EqualTo(new[] { 1, 1 }), "each plot drawn once and disposed once");
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public void No_type_of_the_core_keeps_a_plot()
    {
        var keepers = typeof(ReportPlot).Assembly.GetTypes()
            .Where(type => type.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .SelectMany(type => type.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(field => Mentions(field.FieldType, typeof(Plot)))
                .Select(field => $"{type.FullName}.{field.Name}: {field.FieldType}"))
            .ToList();
        Assert.That(keepers, Is.Empty, "a plot kept beyond the method that drew it is never disposed");
    }

    /// <summary>Whether a value of <paramref name="type"/> can hold a <paramref name="wanted"/>; a function that draws one does not.</summary>
    private static bool Mentions(Type type, Type wanted) =>
        !typeof(Delegate).IsAssignableFrom(type) && (wanted.IsAssignableFrom(type)
        || (type.HasElementType && Mentions(type.GetElementType()!, wanted))
        || (type.IsGenericType && type.GetGenericArguments().Any(argument => Mentions(argument, wanted))));

    /// <summary>A plot that counts how often it is disposed (through <see cref="IDisposable"/>, as <c>using</c> does).</summary>
    private sealed class CountingPlot : Plot, IDisposable
    {
        public int Disposals { get; private set; }

        void IDisposable.Dispose()
        {
            Disposals++;
            Dispose();
        }
    }
}
