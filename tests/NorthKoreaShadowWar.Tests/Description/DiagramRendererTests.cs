using NorthKoreaShadowWar.Description;

namespace NorthKoreaShadowWar.Tests.Description;

/// <summary>
/// Any failure of the external renderer falls back to the DOT text (null from ToSvg), as when Graphviz is missing; before,
/// a renderer that exited without reading its input (Graphviz refusing a 70,000-character name) broke the pipe, and the
/// IOException aborted the whole results folder.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class DiagramRendererTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("shadowwar-renderer-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    /// <summary>A stand-in renderer: a shell script with <paramref name="body"/>.</summary>
    private string Renderer(string body)
    {
        var path = Path.Combine(folder, $"renderer-{Guid.NewGuid():N}.sh");
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>A graph far larger than a pipe's buffer, so that a renderer that does not read it breaks the pipe.</summary>
    private static readonly string LargeGraph = "digraph {\n" + new string('S', 1 << 20) + ";\n}\n";

    private static string? Render(string program, string dot = "digraph { A -> B; }") =>
        DiagramRenderer.ToSvg(dot, program, TimeSpan.FromSeconds(20));

    [Test]
    public void A_renderer_that_writes_an_svg_is_used() =>
        Assert.That(Render(Renderer("cat > /dev/null; echo '<?xml?>'; echo '<svg><g/></svg>'")), Is.EqualTo("<div class=\"diagram\"><svg><g/></svg></div>"));

    [Test]
    public void A_renderer_that_cannot_be_started_falls_back() =>
        Assert.That(Render(Path.Combine(folder, "no-such-renderer")), Is.Null);

    [Test]
    public void A_renderer_that_exits_without_reading_its_input_falls_back() =>
        Assert.That(Render(Renderer("echo 'Error: syntax error' >&2; exit 1"), LargeGraph), Is.Null);

    [Test]
    public void A_renderer_that_exits_with_an_error_falls_back() =>
        Assert.That(Render(Renderer("cat > /dev/null; echo '<svg></svg>'; exit 1")), Is.Null);

    [Test]
    public void A_renderer_that_writes_something_else_falls_back() =>
        Assert.That(Render(Renderer("cat > /dev/null; echo '<svg> and then garbage'")), Is.Null);

    [Test]
    public void A_renderer_that_never_finishes_is_stopped_and_falls_back() =>
        Assert.That(DiagramRenderer.ToSvg(LargeGraph, Renderer("exec sleep 600"), TimeSpan.FromSeconds(1)), Is.Null);
}
