using NorthKoreaShadowWar.Cli.Explorer;

namespace NorthKoreaShadowWar.Tests.Explorer;

/// <summary>The explorer opens scenario files from its folder only: no '..', no absolute paths, no symbolic links leading out.</summary>
public class ScenarioFolderTests
{
    private string root = "";
    private string inside = "";

    [SetUp]
    public void MakeFolders()
    {
        root = Directory.CreateTempSubdirectory("shadowwar-folder-").FullName;
        inside = Path.Combine(root, "scenarios");
        Directory.CreateDirectory(Path.Combine(inside, "more"));
        File.WriteAllText(Path.Combine(inside, "a.yaml"), "name: a\nmachines: {}\n");
        File.WriteAllText(Path.Combine(inside, "more", "b.yml"), "machines: {}\nname: b\n");
        File.WriteAllText(Path.Combine(inside, "notes.txt"), "not a scenario\n");
        File.WriteAllText(Path.Combine(root, "secret.yaml"), "name: secret\n");
        Directory.CreateDirectory(Path.Combine(root, "outside"));
        File.WriteAllText(Path.Combine(root, "outside", "c.yaml"), "name: c\n");
    }

    [TearDown]
    public void DeleteFolders() => Directory.Delete(root, recursive: true);

    [Test]
    public void A_file_in_the_folder_or_a_subfolder_resolves_to_its_full_path()
    {
        var folder = new ScenarioFolder(inside);
        Assert.Multiple(() =>
        {
            Assert.That(folder.Resolve("a.yaml"), Is.EqualTo(Path.Combine(folder.Root, "a.yaml")));
            Assert.That(folder.Resolve("more/b.yml"), Is.EqualTo(Path.Combine(folder.Root, "more", "b.yml")));
            Assert.That(folder.List(), Is.EqualTo(new[] { "a.yaml", "more/b.yml" }));
        });
    }

    [Test]
    public void Yaml_files_that_define_no_machines_are_not_listed()
    {
        File.WriteAllText(Path.Combine(inside, "observed.yaml"), "recorded: 2025-10-01\noutcomes:\n  on: true   # machines: none here\n");
        Assert.That(new ScenarioFolder(inside).List(), Is.EqualTo(new[] { "a.yaml", "more/b.yml" }));
    }

    [Test]
    public void Evidence_files_are_listed_from_the_evidence_subfolder_only_and_never_as_scenarios()
    {
        var evidence = Path.Combine(inside, ScenarioFolder.EvidenceFolder);
        Directory.CreateDirectory(Path.Combine(evidence, "older"));
        File.WriteAllText(Path.Combine(evidence, "e.yaml"), "as_of: 1\nobservations: []\n");
        File.WriteAllText(Path.Combine(evidence, "older", "f.yml"), "observations:\n  - { source: x, holds: \"a\", at: 0 }\n");
        File.WriteAllText(Path.Combine(evidence, "notes.yaml"), "just: notes\n");
        File.WriteAllText(Path.Combine(inside, "stray.yaml"), "observations: []\n");
        File.WriteAllText(Path.Combine(root, "outside.yaml"), "observations: []\n");
        File.CreateSymbolicLink(Path.Combine(evidence, "link.yaml"), Path.Combine(root, "outside.yaml"));
        var folder = new ScenarioFolder(inside);
        Assert.Multiple(() =>
        {
            Assert.That(folder.ListEvidence(), Is.EqualTo(new[] { "evidence/e.yaml", "evidence/older/f.yml" }));
            Assert.That(folder.List(), Is.EqualTo(new[] { "a.yaml", "more/b.yml" }));
        });
    }

    [Test]
    public void A_folder_without_an_evidence_subfolder_offers_no_evidence()
    {
        Assert.That(new ScenarioFolder(inside).ListEvidence(), Is.Empty);
    }

    [TestCase("../secret.yaml", "escapes")]
    [TestCase("more/../../secret.yaml", "escapes")]
    [TestCase("./a.yaml", "escapes")]
    [TestCase("more//b.yml", "escapes")]
    [TestCase("..", "escapes")]
    [TestCase("/etc/passwd", "absolute path")]
    [TestCase("~/secret.yaml", "absolute path")]
    [TestCase("more\\b.yml", "use '/'")]
    [TestCase("notes.txt", "not a scenario file")]
    [TestCase("", "no scenario file was named")]
    public void A_name_that_leaves_the_folder_or_is_not_a_scenario_file_is_refused_with_400(string name, string message)
    {
        var error = Assert.Throws<ExplorerRequestException>(() => new ScenarioFolder(inside).Resolve(name))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.StatusCode, Is.EqualTo(400));
            Assert.That(error.Message, Does.Contain(message));
        });
    }

    [Test]
    public void An_absolute_path_to_a_file_inside_the_folder_is_refused_too()
    {
        var error = Assert.Throws<ExplorerRequestException>(() => new ScenarioFolder(inside).Resolve(Path.Combine(inside, "a.yaml")))!;
        Assert.That(error.Message, Does.Contain("absolute path"));
    }

    [Test]
    public void A_missing_file_is_404()
    {
        var error = Assert.Throws<ExplorerRequestException>(() => new ScenarioFolder(inside).Resolve("missing.yaml"))!;
        Assert.That(error.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public void Symbolic_links_that_lead_out_of_the_folder_are_refused_and_not_listed()
    {
        File.CreateSymbolicLink(Path.Combine(inside, "link.yaml"), Path.Combine(root, "secret.yaml"));
        Directory.CreateSymbolicLink(Path.Combine(inside, "linked"), Path.Combine(root, "outside"));
        File.CreateSymbolicLink(Path.Combine(inside, "relative.yaml"), "../secret.yaml");
        var folder = new ScenarioFolder(inside);
        Assert.Multiple(() =>
        {
            foreach (var name in new[] { "link.yaml", "linked/c.yaml", "relative.yaml" })
            {
                var error = Assert.Throws<ExplorerRequestException>(() => folder.Resolve(name))!;
                Assert.That(error.Message, Does.Contain("leads out of the scenario folder"), name);
            }
            Assert.That(folder.List(), Is.EqualTo(new[] { "a.yaml", "more/b.yml" }));
        });
    }

    [Test]
    public void A_symbolic_link_within_the_folder_is_followed()
    {
        File.CreateSymbolicLink(Path.Combine(inside, "alias.yaml"), Path.Combine(inside, "more", "b.yml"));
        var folder = new ScenarioFolder(inside);
        Assert.That(folder.Resolve("alias.yaml"), Is.EqualTo(Path.Combine(folder.Root, "more", "b.yml")));
    }

    [Test]
    public void A_loop_of_symbolic_links_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(inside, "x.yaml"), Path.Combine(inside, "y.yaml"));
        File.CreateSymbolicLink(Path.Combine(inside, "y.yaml"), Path.Combine(inside, "x.yaml"));
        var error = Assert.Throws<ExplorerRequestException>(() => new ScenarioFolder(inside).Resolve("x.yaml"))!;
        Assert.That(error.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public void A_folder_reached_through_a_symbolic_link_is_the_folder_it_leads_to()
    {
        var alias = Path.Combine(root, "alias");
        Directory.CreateSymbolicLink(alias, inside);
        var folder = new ScenarioFolder(alias);
        Assert.Multiple(() =>
        {
            Assert.That(folder.Resolve("a.yaml"), Is.EqualTo(Path.Combine(folder.Root, "a.yaml")));
            Assert.That(folder.NameOf(Path.Combine(alias, "more", "b.yml")), Is.EqualTo("more/b.yml"));
            Assert.That(folder.NameOf(Path.Combine(root, "secret.yaml")), Is.Null);
        });
    }

    [Test]
    public async Task A_fifo_named_like_a_scenario_is_not_listed_and_is_refused_without_being_opened()
    {
        MakeFifo(Path.Combine(inside, "fifo.yaml"));
        var folder = new ScenarioFolder(inside);
        // Opening a FIFO for reading waits for a writer; a deadline turns such a hang into a failure.
        var listed = await Task.Run(folder.List).WaitAsync(TimeSpan.FromSeconds(60));
        var error = await Task.Run(() => Assert.Throws<ExplorerRequestException>(() => folder.Resolve("fifo.yaml"))!).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Multiple(() =>
        {
            Assert.That(listed, Is.EqualTo(new[] { "a.yaml", "more/b.yml" }));
            Assert.That(error.StatusCode, Is.EqualTo(400));
            Assert.That(error.Message, Is.EqualTo("'fifo.yaml' is not a regular file (a FIFO); name a scenario file"));
        });
    }

    [Test]
    public async Task The_explorer_answers_400_for_a_fifo_and_still_lists_the_other_scenarios()
    {
        MakeFifo(Path.Combine(inside, "fifo.yaml"));
        await using var server = await ExplorerServer.StartAsync(new ExplorerOptions { Scenarios = new ScenarioFolder(inside), Port = 0 });
        using var client = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(60) };
        var list = await client.GetAsync("/api/scenarios");
        var fifo = await client.GetAsync("/api/scenario?file=fifo.yaml");
        var listText = await list.Content.ReadAsStringAsync();
        var fifoText = await fifo.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(list.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), listText);
            Assert.That(listText, Does.Contain("a.yaml").And.Not.Contain("fifo.yaml"));
            Assert.That(fifo.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.BadRequest), fifoText);
            Assert.That(fifoText, Does.Contain("not a regular file (a FIFO)"));
        });
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.That(mkfifo.ExitCode, Is.Zero, "mkfifo");
    }
}
