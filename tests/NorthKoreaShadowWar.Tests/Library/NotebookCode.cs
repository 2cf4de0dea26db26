using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NorthKoreaShadowWar.Tests.Library;

/// <summary>
/// The C# of a Polyglot/Jupyter notebook, compiled as one script the way the kernel runs its cells in order: the
/// kernel's directives (<c>#r</c>, <c>#i</c>, <c>#!</c>) are dropped and the built assemblies referenced instead.
/// </summary>
internal static class NotebookCode
{
    // The kernel's display helpers, which a notebook calls without declaring them.
    private const string KernelHelpers = "static object display(object value) => value;\nstatic string HTML(string html) => html;\n";

    /// <summary>The source of every C# code cell, in order, without the kernel's directives.</summary>
    public static IReadOnlyList<string> Cells(string notebookPath)
    {
        using var notebook = JsonDocument.Parse(File.ReadAllText(notebookPath));
        return notebook.RootElement.GetProperty("cells").EnumerateArray()
            .Where(cell => cell.GetProperty("cell_type").GetString() == "code")
            .Select(cell => string.Concat(cell.GetProperty("source").EnumerateArray().Select(line => line.GetString()))
                .Split('\n')
                .Where(line => !line.TrimStart().StartsWith("#r ", StringComparison.Ordinal)
                    && !line.TrimStart().StartsWith("#i ", StringComparison.Ordinal)
                    && !line.TrimStart().StartsWith("#!", StringComparison.Ordinal)))
            .Select(lines => string.Join('\n', lines))
            .ToList();
    }

    /// <summary>
    /// The errors of compiling the cells as one script against the runtime and the assemblies beside the tests. The
    /// kernel allows a using directive in any cell; one script needs them first, so they are moved there.
    /// </summary>
    public static IReadOnlyList<string> Errors(IReadOnlyList<string> cells)
    {
        var lines = string.Join("\n", cells).Split('\n');
        bool IsUsingDirective(string line) => line.StartsWith("using ", StringComparison.Ordinal) && !line.StartsWith("using var ", StringComparison.Ordinal);
        var script = string.Join("\n", lines.Where(IsUsingDirective).Concat(lines.Where(line => !IsUsingDirective(line)))) + "\n" + KernelHelpers;
        var tree = CSharpSyntaxTree.ParseText(script, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
        var runtime = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var beside = Directory.GetFiles(AppContext.BaseDirectory, "*.dll");
        var references = runtime.Concat(beside)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase).Select(g => g.First())
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.CreateScriptCompilation("notebook", tree, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, usings: ["System", "System.Collections.Generic", "System.Linq", "System.Threading.Tasks"]));
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
    }
}
