using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Explorer;

/// <summary>
/// The explorer in a real browser: <c>shadowwar serve scenarios/baseline.yaml --port 0</c> as a child process, Debian's
/// chromium driven by Playwright. A student drags South Korea's shift up and sees the chance of lethal aid rise with its
/// interval; a value that breaks the scenario shows the engine's message next to the field; conditioned on the bundled
/// evidence, every outcome shows its prior and its posterior with the effective sample size. Every step waits on the
/// page's own state (<c>body[data-state]</c>, <c>body[data-runs]</c>, <c>body[data-trace]</c>, the fields' values) with a
/// generous deadline, never on time passing.
/// </summary>
public class ExplorerBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Test]
    public Task Dragging_sk_shift_up_raises_lethal_aid_with_its_interval_and_a_bad_value_shows_its_message_by_the_field() => OnTheBaselinePage(async (page, problems, output) =>
    {
        var row = page.Locator("tr[data-outcome='sk_lethal_aid_1y']");
        var moves = await page.EvaluateAsync<double[]>(ClickAnOutcomeAtTheBottomOfThePage);
        await Assertions.Expect(row).ToHaveClassAsync("selected");
        TestContext.Out.WriteLine($"headline bottom before the click {moves[0]}, slider top at the click {moves[1]} and after {moves[2]}, headline top after {moves[3]}");
        Assert.Multiple(() =>
        {
            Assert.That(moves[0], Is.LessThan(0), "the headline was out of view when the outcome was clicked");
            Assert.That(moves[3], Is.GreaterThanOrEqualTo(0), "the click brought the headline into view");
            Assert.That(moves[2], Is.EqualTo(moves[1]), "the parameters stand still after the click, so the slider grabbed next is the one aimed at");
        });
        var before = await Estimate(row);
        var runs = await Runs(page);
        var field = page.Locator("[data-parameter-field='sk_shift']");
        await DragShiftNearItsTop(page);
        await WaitForRuns(page, runs + 1);
        await Assertions.Expect(page.Locator("[data-parameter-error]:not([hidden])")).ToHaveCountAsync(0);
        var after = await Estimate(row);
        var low = double.Parse((await row.GetAttributeAsync("data-low"))!, CultureInfo.InvariantCulture);
        var high = double.Parse((await row.GetAttributeAsync("data-high"))!, CultureInfo.InvariantCulture);
        var shown = await row.Locator("td.interval").TextContentAsync();
        var headline = await page.Locator("#headline").TextContentAsync();
        var shiftValue = double.Parse(await field.InputValueAsync(), CultureInfo.InvariantCulture);
        var screenshot = Path.Combine(output, "explorer-screenshot.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = false });
        TestContext.AddTestAttachment(screenshot, "the explorer after dragging sk_shift up");
        Assert.Multiple(() =>
        {
            Assert.That(shiftValue, Is.GreaterThan(0.010), "the slider was dragged towards its top, 0.012");
            Assert.That(after, Is.GreaterThan(before), "the chance of lethal aid within a year moved up");
            Assert.That(low, Is.LessThan(after));
            Assert.That(high, Is.GreaterThan(after));
            Assert.That(shown, Does.Match(@"^\d+\.\d% – \d+\.\d%$"), "the interval is shown");
            Assert.That(headline, Does.Contain("sk_lethal_aid_1y").And.Contain("95% interval").And.Contain(Percent(after)));
        });

        await page.WaitForFunctionAsync("() => document.body.dataset.trace === 'told' && document.body.dataset.state === 'idle'");
        var story = page.Locator("#trace li");
        var diagrams = page.Locator("#diagrams figure");
        var drawn = page.Locator("#diagrams figure svg");
        var machines = ScenarioPipeline.Prepare(Path.Combine(Paths.Scenarios, "baseline.yaml")).Model.Scenario.Machines.Count;
        var diagramShot = Path.Combine(output, "explorer-diagrams.png");
        await page.Locator("#trace-panel").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(output, "explorer-trace.png") });
        await page.Locator("#diagrams-panel").ScreenshotAsync(new LocatorScreenshotOptions { Path = diagramShot });
        TestContext.AddTestAttachment(diagramShot, "the machines as diagrams");
        var firstLine = await story.First.TextContentAsync();
        var figures = await diagrams.CountAsync();
        var drawings = await drawn.CountAsync();
        Assert.Multiple(() =>
        {
            Assert.That(firstLine, Does.StartWith("Week 0: "), "a sample path told as a story");
            Assert.That(figures, Is.EqualTo(machines), "a diagram per machine");
            Assert.That(drawings, Is.GreaterThanOrEqualTo(machines), "each diagram drawn");
        });

        await field.FillAsync("1.5");
        await field.PressAsync("Enter");
        var message = page.Locator("[data-parameter-error='sk_shift']");
        await Assertions.Expect(message).ToContainTextAsync("probability 'sk_shift' is 1.5");
        await page.WaitForFunctionAsync("() => document.body.dataset.state === 'invalid'");
        var text = await message.TextContentAsync();
        var invalid = Path.Combine(output, "explorer-invalid-value.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = invalid });
        TestContext.AddTestAttachment(invalid, "the explorer after an invalid value of sk_shift");
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Match(@"baseline\.yaml:\d+:\d+: error: "), "the engine's diagnostic");
            Assert.That(text, Does.Contain("probability 'sk_shift' is 1.5"));
            Assert.That(problems, Is.Empty, "errors in the page");
        });

        await field.FillAsync("abc");
        await field.PressAsync("Enter");
        await Assertions.Expect(message).ToContainTextAsync("--set sk_shift=abc:1:10: error: in parameter 'sk_shift': unknown name 'abc'");
    });

    [Test]
    public Task Conditioned_on_the_evidence_each_outcome_shows_prior_and_posterior_with_the_ess_and_impossible_evidence_its_message() => OnTheBaselinePage(async (page, problems, output) =>
    {
        var row = page.Locator("tr[data-outcome='sk_lethal_aid_1y']");
        var summary = page.Locator("#evidence-summary");
        await Assertions.Expect(row.Locator("td.prior")).ToHaveCountAsync(0);
        await Assertions.Expect(summary).ToBeHiddenAsync();

        var runs = await Runs(page);
        await page.Locator("#evidence-on").CheckAsync();
        await WaitForRuns(page, runs + 1);
        await Assertions.Expect(summary).ToBeVisibleAsync();
        var ess = await Number(summary, "data-ess");
        var summaryText = await summary.TextContentAsync();
        var prior = await Number(row, "data-prior-estimate");
        var posterior = await Number(row, "data-estimate");
        var priorInterval = await row.Locator("td.prior-interval").TextContentAsync();
        var posteriorInterval = await row.Locator("td.interval").TextContentAsync();
        var headline = await page.Locator("#headline").TextContentAsync();
        var shot = Path.Combine(output, "explorer-evidence.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot });
        TestContext.AddTestAttachment(shot, "the explorer conditioned on the bundled evidence");
        Assert.Multiple(() =>
        {
            Assert.That(ess, Is.GreaterThan(0).And.LessThanOrEqualTo(4096), "the effective sample size of 4,096 particles");
            Assert.That(summaryText, Does.Contain("Conditioned on evidence/2024-12-31.yaml").And.Contain("Effective sample size " + Math.Round(ess).ToString("N0", CultureInfo.InvariantCulture)).And.Not.Contain("null"));
            Assert.That(prior, Is.InRange(0, 1));
            Assert.That(posterior, Is.InRange(0, 1));
            Assert.That(priorInterval, Does.Match(@"^\d+\.\d% – \d+\.\d%$"), "the prior's interval");
            Assert.That(posteriorInterval, Does.Match(@"^\d+\.\d% – \d+\.\d%$"), "the posterior's interval");
            Assert.That(headline, Does.Contain("→").And.Contain("95% intervals: prior"));
        });

        runs = await Runs(page);
        await DragShiftNearItsTop(page);
        await WaitForRuns(page, runs + 1);
        var priorAfter = await Number(row, "data-prior-estimate");
        var posteriorAfter = await Number(row, "data-estimate");
        Assert.Multiple(() =>
        {
            Assert.That(priorAfter, Is.GreaterThan(prior), "the prior's chance of lethal aid within a year moved up with the shift");
            Assert.That(posteriorAfter, Is.InRange(0, 1), "the posterior is shown beside it");
        });

        var troops = page.Locator("[data-parameter-field='troops0']");
        await troops.FillAsync("0");
        await troops.PressAsync("Enter");
        var message = page.Locator("#evidence-error");
        await Assertions.Expect(message).ToContainTextAsync("the evidence is impossible under the scenario");
        await page.WaitForFunctionAsync("() => document.body.dataset.state === 'invalid'");
        var text = await message.TextContentAsync();
        var impossible = Path.Combine(output, "explorer-evidence-impossible.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = impossible });
        TestContext.AddTestAttachment(impossible, "evidence no trial can produce with troops0 = 0");
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Match(@"^evidence: evidence/2024-12-31\.yaml:\d+:\d+: error: the evidence is impossible"));
            Assert.That(text, Does.Contain("'troops' measured at step 0"));
            Assert.That(problems, Is.Empty, "errors in the page");
        });

        runs = await Runs(page);
        await troops.FillAsync("");
        await troops.PressAsync("Enter");
        await WaitForRuns(page, runs + 1);
        await Assertions.Expect(message).ToBeHiddenAsync();
    });

    /// <summary>Drags the <c>sk_shift</c> slider to 95% of its width and waits until its field shows the value.</summary>
    private static async Task DragShiftNearItsTop(IPage page)
    {
        var slider = page.Locator("input[type=range][data-parameter='sk_shift']");
        await slider.HoverAsync();  // scrolls it into view and waits until it stands still and is what the pointer is on
        await page.Mouse.DownAsync();
        var box = (await slider.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width * 0.95f, box.Y + box.Height / 2, new MouseMoveOptions { Steps = 8 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(page.Locator("[data-parameter-field='sk_shift']")).ToHaveValueAsync(new Regex(@"^0\.01\d*$"));
    }

    /// <summary>
    /// Starts <c>shadowwar serve scenarios/baseline.yaml --port 0</c>, opens its page in chromium, waits for the first
    /// run to be shown, and runs <paramref name="steps"/> on the page with the errors the page reports and the folder
    /// for screenshots; what the server wrote to standard error is printed afterwards.
    /// </summary>
    private static async Task OnTheBaselinePage(Func<IPage, List<string>, string, Task> steps)
    {
        if (!File.Exists(Chromium)) Assert.Ignore("Debian's chromium is not installed (.ci/run installs it)");
        using var explorer = ExplorerProcess.Start(Path.Combine(Paths.Scenarios, "baseline.yaml"), "--port", "0");
        var output = Path.Combine(TestContext.CurrentContext.WorkDirectory, "explorer");
        Directory.CreateDirectory(output);
        try
        {
            await using var browser = await BrowserPage.Open(explorer.Url);
            await WaitForRuns(browser.Page, 1);
            await steps(browser.Page, browser.Problems, output);
        }
        finally
        {
            TestContext.Out.WriteLine(explorer.Errors);
        }
    }

    /// <summary>
    /// Scrolls to the bottom of the page, clicks the outcome <c>sk_lethal_aid_1y</c> in the table and waits for the
    /// scroll that brings the headline into view to end. Answers the headline's bottom before the click, the top of the
    /// <c>sk_shift</c> slider right after the click and once the scrolling has ended, and the headline's top then.
    /// </summary>
    private const string ClickAnOutcomeAtTheBottomOfThePage = """
        async () => {
          const scrollEnd = () => new Promise(resolve => window.addEventListener("scrollend", resolve, { once: true }));
          const slider = () => document.querySelector("input[type=range][data-parameter='sk_shift']").getBoundingClientRect().top;
          const headline = document.getElementById("headline");
          let ended = scrollEnd();
          window.scrollTo(0, document.documentElement.scrollHeight);
          await ended;
          const hidden = headline.getBoundingClientRect().bottom;
          ended = scrollEnd();
          document.querySelector("tr[data-outcome='sk_lethal_aid_1y']").click();
          const atClick = slider();
          await ended;
          return [hidden, atClick, slider(), headline.getBoundingClientRect().top];
        }
        """;

    private static async Task<int> Runs(IPage page) => int.Parse(await page.EvaluateAsync<string>("() => document.body.dataset.runs"), CultureInfo.InvariantCulture);

    /// <summary>Waits until at least <paramref name="runs"/> runs were shown and the last answers the settings on the page.</summary>
    private static Task WaitForRuns(IPage page, int runs) =>
        page.WaitForFunctionAsync($"() => Number(document.body.dataset.runs) >= {runs} && document.body.dataset.state === 'idle'");

    private static Task<double> Estimate(ILocator row) => Number(row, "data-estimate");

    private static async Task<double> Number(ILocator element, string attribute) =>
        double.Parse((await element.GetAttributeAsync(attribute))!, CultureInfo.InvariantCulture);

    /// <summary>
    /// Debian's chromium, headless, with one page on <paramref name="url"/>; errors in the page are collected (a 400
    /// answer is part of what is tested, not an error).
    /// </summary>
    private sealed class BrowserPage : IAsyncDisposable
    {
        private IPlaywright playwright = null!;
        private IBrowser browser = null!;

        public IPage Page { get; private set; } = null!;

        public List<string> Problems { get; } = [];

        public static async Task<BrowserPage> Open(Uri url)
        {
            var opened = new BrowserPage { playwright = await Playwright.CreateAsync() };
            opened.browser = await opened.playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],  // Playwright gives the browser a fresh profile of its own
            });
            var page = await opened.browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1360, Height = 1100 } });
            page.SetDefaultTimeout(60_000);
            Assertions.SetDefaultExpectTimeout(60_000);
            page.PageError += (_, error) => opened.Problems.Add(error);
            page.Console += (_, message) =>
            {
                if (message.Type == "error" && !message.Text.Contains("400 (Bad Request)", StringComparison.Ordinal)) opened.Problems.Add(message.Text);
            };
            opened.Page = page;
            await page.GotoAsync(url.ToString());
            return opened;
        }

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private static string Percent(double share) => (share * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";
}
