using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Scenarios;

/// <summary>Problems with the file itself: it is missing, not YAML, not UTF-8, empty.</summary>
public class FileProblemTests
{
    private string directory = "";

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("shadowwar-files-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    private IReadOnlyList<Diagnostic> ValidateBytes(byte[] bytes)
    {
        var path = Path.Combine(directory, "scenario.yaml");
        File.WriteAllBytes(path, bytes);
        return ScenarioPipeline.Validate(path);
    }

    private IReadOnlyList<Diagnostic> ValidateText(string text) => ValidateBytes(System.Text.Encoding.UTF8.GetBytes(text));

    [Test]
    public void A_missing_file_is_reported_at_line_one()
    {
        var diagnostics = ScenarioPipeline.Validate(Path.Combine(directory, "nope.yaml"));
        Assert.That(diagnostics.Single().ToString(), Does.EndWith("nope.yaml:1:1: error: no such file"));
    }

    [Test]
    public void A_directory_is_reported_as_such() =>
        Assert.That(ScenarioPipeline.Validate(directory).Single().Message, Does.Contain("is not a regular file (a directory)"));

    [Test]
    public void An_empty_file_is_reported() =>
        Assert.That(ValidateText("").Single().Message, Does.Contain("the file is empty"));

    [Test]
    public void A_file_of_comments_only_is_reported_as_empty() =>
        Assert.That(ValidateText("# nothing here\n").Single().Message, Does.Contain("the file is empty"));

    [Test]
    public void Malformed_yaml_is_reported_at_the_place_it_breaks()
    {
        var diagnostics = ValidateText("name: x\nhorizon: [1,\n");
        Assert.That(diagnostics.Single().Message, Does.StartWith("malformed YAML"));
        Assert.That(diagnostics.Single().Position.Line, Is.EqualTo(3));
    }

    [Test]
    public void A_tab_used_for_indentation_is_reported_at_the_tab()
    {
        var diagnostics = ValidateText("name: x\nmachines:\n\ta: {}\n");
        Assert.That(diagnostics.Single().ToString(), Does.Contain("scenario.yaml:3:1: error: a tab is used for indentation"));
    }

    [Test]
    public void Duplicate_keys_are_reported()
    {
        var diagnostics = ValidateText("name: x\nhorizon: 3\nhorizon: 4\n");
        Assert.That(diagnostics.Single().Message, Does.Contain("duplicate key 'horizon' (first written on line 2)"));
        Assert.That(diagnostics.Single().Position.Line, Is.EqualTo(3));
    }

    [Test]
    public void Bytes_that_are_not_utf8_are_reported_at_their_line_and_column()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("name: x\ntitle: caf").Concat(new byte[] { 0xE9, (byte)'\n' }).ToArray();
        var diagnostic = ValidateBytes(bytes).Single();
        Assert.That(diagnostic.ToString(), Does.Contain("scenario.yaml:2:11: error: the file is not valid UTF-8"));
    }

    [Test]
    public void A_scenario_that_is_not_a_mapping_is_reported() =>
        Assert.That(ValidateText("- a\n- b\n").Single().Message, Does.Contain("must be a mapping"));

    [Test]
    public void A_horizon_below_one_is_reported()
    {
        const string yaml = "name: x\nhorizon: 0\nmachines:\n  a: { initial: A, states: [A] }\n";
        Assert.That(ValidateText(yaml).Errors().Single().Message, Does.Contain("horizon must be at least 1"));
    }

    [Test]
    public void A_name_with_capitals_is_reported()
    {
        const string yaml = "name: Baseline\nhorizon: 2\nmachines:\n  a: { initial: A, states: [A] }\n";
        Assert.That(ValidateText(yaml).Errors().Single().Message, Does.Contain("lowercase"));
    }

    [Test]
    public void Bundled_scenarios_are_valid()
    {
        foreach (var file in ScenarioFiles.Below(Paths.Scenarios))
            Assert.That(ScenarioPipeline.Validate(file).Errors(), Is.Empty, file);
    }
}
