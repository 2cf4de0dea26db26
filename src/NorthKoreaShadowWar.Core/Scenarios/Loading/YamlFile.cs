using System.Text;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Files;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NorthKoreaShadowWar.Scenarios.Loading;

/// <summary>
/// Reads a YAML file into its root node for any of the project's YAML formats (scenarios, observed outcomes),
/// reporting what stops it at its line and column: a missing or oversized file, one that is not a regular file, bytes
/// that are not UTF-8, a tab used for indentation, malformed YAML (duplicate keys included), an empty file, more than
/// one document.
/// </summary>
internal static class YamlFile
{
    /// <summary>
    /// The file's bytes (see <see cref="BoundedFile"/>), or null after reporting at line 1, column 1 why they cannot be
    /// read; <paramref name="expected"/> says what to give instead of a directory.
    /// </summary>
    public static byte[]? ReadBytes(string path, string expected, int maximumBytes, DiagnosticBag diagnostics)
    {
        try
        {
            return BoundedFile.Read(path, maximumBytes);
        }
        catch (UnreadableFileException e)
        {
            var hint = Directory.Exists(path) ? $"; give the path of {expected}" : "";
            diagnostics.Error(new SourcePosition(path, 1, 1), e.Message + hint);
            return null;
        }
    }

    /// <summary>
    /// The root node of the single YAML document in <paramref name="bytes"/>, or null after reporting why there is
    /// none (<paramref name="emptyMessage"/> for an empty file). A second document is reported with <paramref name="oneDocumentHint"/>.
    /// </summary>
    public static YamlNode? Parse(byte[] bytes, string path, DiagnosticBag diagnostics, string emptyMessage, string oneDocumentHint)
    {
        if (!TryDecode(bytes, path, diagnostics, out var text)) return null;
        var context = new YamlReadContext(path, diagnostics);
        if (FindIndentationTab(text) is { } tab)
        {
            diagnostics.Error(new SourcePosition(path, tab.Line, tab.Column), "a tab is used for indentation; YAML needs spaces");
            return null;
        }
        try
        {
            if (YamlStructureLimits.FirstProblem(text) is { } problem)
            {
                diagnostics.Error(context.PositionOf(problem.Position), problem.Message);
                return null;
            }
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0 || YamlReadContext.IsNull(stream.Documents[0].RootNode))
            {
                diagnostics.Error(new SourcePosition(path, 1, 1), emptyMessage);
                return null;
            }
            if (stream.Documents.Count > 1)
                diagnostics.Error(context.PositionOf(stream.Documents[1].RootNode), $"the file holds more than one YAML document; {oneDocumentHint}");
            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            diagnostics.Error(context.PositionOf(e.Start), $"malformed YAML: {DescribeYamlError(e)}");
            return null;
        }
    }

    private static bool TryDecode(byte[] bytes, string path, DiagnosticBag diagnostics, out string text)
    {
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            text = encoding.GetString(bytes);
            if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
            return true;
        }
        catch (DecoderFallbackException e)
        {
            var offset = Math.Max(0, e.Index);
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < offset && i < bytes.Length; i++)
                if (bytes[i] == (byte)'\n') { line++; lineStart = i + 1; }
            var column = encoding.GetCharCount(bytes, lineStart, Math.Max(0, offset - lineStart)) + 1;
            diagnostics.Error(new SourcePosition(path, line, column), $"the file is not valid UTF-8 (byte 0x{bytes[Math.Min(offset, bytes.Length - 1)]:X2}); save it as UTF-8");
            text = "";
            return false;
        }
    }

    private static (int Line, int Column)? FindIndentationTab(string text)
    {
        var line = 1;
        var atLineStart = true;
        var column = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
                atLineStart = true;
                continue;
            }
            if (atLineStart && c == '\t') return (line, column);
            if (c != ' ') atLineStart = false;
            column++;
        }
        return null;
    }

    internal static string DescribeYamlError(YamlException e)
    {
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        return message.Length > 0 && char.IsUpper(message[0]) ? char.ToLowerInvariant(message[0]) + message[1..] : message;
    }
}
