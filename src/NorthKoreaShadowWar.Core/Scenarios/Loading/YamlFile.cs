using System.Globalization;
using System.Text;
using NorthKoreaShadowWar.Diagnostics;
using NorthKoreaShadowWar.Files;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NorthKoreaShadowWar.Scenarios.Loading;

/// <summary>
/// Reads a YAML file into its root node for any of the project's YAML formats (scenarios, observed outcomes),
/// reporting what stops it at its line and column: a missing or oversized file, one that is not a regular file, bytes
/// that are not UTF-8, a tab used for indentation, malformed YAML, a key written twice in a mapping, an empty file, more than
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
    /// The root node of the single YAML document in <paramref name="bytes"/>, with a context that reads it against
    /// the file's text, or null after reporting why there is none (<paramref name="emptyMessage"/> for an empty file).
    /// A second document is reported with <paramref name="oneDocumentHint"/>.
    /// </summary>
    public static (YamlNode Root, YamlReadContext Context)? Parse(byte[] bytes, string path, DiagnosticBag diagnostics, string emptyMessage, string oneDocumentHint)
    {
        if (!TryDecode(bytes, path, diagnostics, out var text)) return null;
        var context = new YamlReadContext(path, diagnostics) { Text = text };
        if (FindIndentationTab(text) is { } tab)
        {
            diagnostics.Error(context.PositionOf(tab), "a tab is used for indentation; YAML needs spaces");
            return null;
        }
        try
        {
            if (YamlStructureLimits.FirstProblem(text) is { } problem)
            {
                diagnostics.Error(context.PositionOf(problem.Index), problem.Message);
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
            return (stream.Documents[0].RootNode, context);
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
            text = WithoutByteOrderMark(encoding.GetString(bytes));
            return true;
        }
        catch (DecoderFallbackException e)
        {
            // The bytes before the bad one are valid: their text gives its line and column, counted as everywhere else.
            var offset = Math.Clamp(e.Index, 0, bytes.Length - 1);
            var before = WithoutByteOrderMark(encoding.GetString(bytes, 0, offset));
            var (line, column) = new SourceLines(before).Of(before.Length);
            diagnostics.Error(new SourcePosition(path, line, column), string.Create(CultureInfo.InvariantCulture, $"the file is not valid UTF-8 (byte 0x{bytes[offset]:X2}); save it as UTF-8"));
            text = "";
            return false;
        }
    }

    private static string WithoutByteOrderMark(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;

    /// <summary>The index of the first tab in the indentation of a line (the blanks a line starts with), if any.</summary>
    private static int? FindIndentationTab(string text)
    {
        var atLineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            if (SourceLines.IsBreak(text[i]))
            {
                atLineStart = true;
                continue;
            }
            if (atLineStart && text[i] == '\t') return i;
            if (text[i] != ' ') atLineStart = false;
        }
        return null;
    }

    internal static string DescribeYamlError(YamlException e)
    {
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        return message.Length > 0 && char.IsUpper(message[0]) ? char.ToLowerInvariant(message[0]) + message[1..] : message;
    }
}
