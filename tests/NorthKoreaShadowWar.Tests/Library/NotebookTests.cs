using NorthKoreaShadowWar.Tests.Support;

namespace NorthKoreaShadowWar.Tests.Library;

/// <summary>The students' notebook (samples/notebook) is a valid notebook whose C# compiles against the library.</summary>
public class NotebookTests
{
    private static string Notebook => Path.Combine(Paths.Repository, "samples", "notebook", "escalation.ipynb");

    [Test]
    public void The_notebook_is_valid_json_with_csharp_code_cells()
    {
        var cells = NotebookCode.Cells(Notebook);
        Assert.That(cells, Is.Not.Empty);
        Assert.That(string.Concat(cells), Does.Contain("WithParameter").And.Contain("ScottPlot"));
    }

    [Test]
    public void The_notebook_code_compiles_against_the_library()
    {
        Assert.That(NotebookCode.Errors(NotebookCode.Cells(Notebook)), Is.Empty);
    }

    [Test]
    public void A_call_the_library_does_not_have_fails_to_compile()
    {
        var errors = NotebookCode.Errors([.. NotebookCode.Cells(Notebook), "EscalationScenario.NoSuchMethod();"]);
        Assert.That(errors, Has.Some.Contain("NoSuchMethod"));
    }
}
