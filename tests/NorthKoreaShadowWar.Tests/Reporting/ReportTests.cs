using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Reporting;

/// <summary>report.html: self-contained, names every outcome, embeds every plot, and opens in a real browser.</summary>
public class ReportTests
{
    private static string folder = "";
    private static string html = "";

    [OneTimeSetUp]
    public void RunBaseline()
    {
        folder = Path.Combine(Directory.CreateTempSubdirectory("shadowwar-report-").FullName, "results");
        var (exitCode, _, error) = CommandLine.Run("run", Path.Combine(Paths.Scenarios, "baseline.yaml"), "--trials", "2000", "--out", folder);
        Assert.That(exitCode, Is.EqualTo(0), error);
        html = File.ReadAllText(Path.Combine(folder, "report.html"));
    }

    [OneTimeTearDown]
    public void DeleteFolder() => Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);

    [Test]
    public void The_report_names_every_outcome_and_the_manifest()
    {
        var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        foreach (var outcome in summary.RootElement.GetProperty("outcomes").EnumerateObject())
            Assert.That(html, Does.Contain($"<td>{outcome.Name}</td>"), outcome.Name);
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain(summary.RootElement.GetProperty("scenarioSha256").GetString()));
            Assert.That(html, Does.Contain("<h2>Sources</h2>").And.Contain("<h2>Parameters</h2>").And.Contain("troops0"));
        });
    }

    [Test]
    public void The_report_opens_with_the_answer_before_the_detail_led_by_its_largest_probability_with_its_interval()
    {
        var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
        var largest = summary.RootElement.GetProperty("outcomes").EnumerateObject()
            .Where(o => o.Value.GetProperty("kind").GetString() == "probability")
            .MaxBy(o => o.Value.GetProperty("estimate").GetDouble());
        var headlines = html.IndexOf("<section id=\"headlines\">", StringComparison.Ordinal);
        var findings = Regex.Matches(html[headlines..html.IndexOf("</section>", headlines, StringComparison.Ordinal)], "<li>");
        Assert.Multiple(() =>
        {
            Assert.That(headlines, Is.GreaterThan(0).And.LessThan(html.IndexOf("<h2>Outcomes</h2>", StringComparison.Ordinal)));
            Assert.That(findings, Has.Count.InRange(3, 5));
            Assert.That(html[headlines..], Does.Contain($"<li>{largest.Name}: ").And.Contain("(95% interval "));
        });
    }

    [Test]
    public void The_report_embeds_every_plot_and_needs_nothing_from_outside()
    {
        var pngs = Directory.GetFiles(Path.Combine(folder, "plots"), "*.png");
        var svgs = Directory.GetFiles(Path.Combine(folder, "plots"), "*.svg");
        var embedded = Regex.Count(html, "<img [^>]*src=\"data:image/png;base64,");
        Assert.Multiple(() =>
        {
            Assert.That(pngs, Is.Not.Empty);
            Assert.That(svgs, Has.Length.EqualTo(pngs.Length));
            Assert.That(embedded, Is.EqualTo(pngs.Length));
            foreach (var png in pngs) Assert.That(html, Does.Contain($"id=\"{Path.GetFileNameWithoutExtension(png)}\""));
            Assert.That(html, Does.Not.Match("(src|href)=\"(https?:)?//"), "no external resources");
        });
    }

    [Test]
    public void The_report_has_a_state_diagram_for_every_machine()
    {
        var machines = ScenarioPipeline.Prepare(Path.Combine(Paths.Scenarios, "baseline.yaml")).Model.Scenario.Machines;
        var section = html[html.IndexOf("<h2>State diagrams</h2>", StringComparison.Ordinal)..];
        foreach (var machine in machines) Assert.That(section, Does.Contain($"<h3>{machine.Name}</h3>"));
    }

    [Test]
    public void The_report_opens_in_a_headless_browser_with_every_image_loaded_and_no_console_error()
    {
        const string chromium = "/usr/bin/chromium";
        if (!File.Exists(chromium)) Assert.Ignore("Debian's chromium is not installed (.ci/run installs it)");
        var profile = Directory.CreateTempSubdirectory("shadowwar-chromium-").FullName;
        var screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "report-screenshot.png");
        try
        {
            var url = new Uri(Path.Combine(folder, "report.html")).AbsoluteUri;
            string[] common = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0"];
            var (dom, log) = Browse(chromium, [.. common, "--virtual-time-budget=10000", "--dump-dom", url]);
            Browse(chromium, [.. common, "--window-size=1100,1600", $"--screenshot={screenshot}", url]);
            var body = Regex.Match(dom, "<body data-images=\"(\\d+)\" data-images-broken=\"(\\d+)\">");
            Assert.Multiple(() =>
            {
                Assert.That(body.Success, Is.True, "the page's load handler ran");
                Assert.That(int.Parse(body.Groups[1].Value, CultureInfo.InvariantCulture), Is.EqualTo(Directory.GetFiles(Path.Combine(folder, "plots"), "*.png").Length));
                Assert.That(body.Groups[2].Value, Is.EqualTo("0"), "broken images");
                Assert.That(Regex.Matches(log, @"CONSOLE.*|Uncaught.*").Select(m => m.Value), Is.Empty, "console messages");
                Assert.That(File.Exists(screenshot), Is.True);
            });
            TestContext.AddTestAttachment(screenshot, "report.html as rendered by headless chromium");
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    private static (string Output, string Errors) Browse(string chromium, string[] arguments)
    {
        var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish within 90 s");
        }
        return (output.Result, errors.Result);
    }
}
