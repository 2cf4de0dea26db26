using System.Globalization;

namespace NorthKoreaShadowWar.Files;

/// <summary>
/// Reads every file the program is given (scenarios, observed outcomes, <c>summary.json</c>, <c>shard-state.json</c>):
/// only a regular file (a symbolic link to one is followed), checked before it is opened, and never more than its
/// limit, counted while reading: a device or a <c>/proc</c> file reports a length of 0 whatever it holds. See the
/// limits in docs/scenario-format.md.
/// </summary>
internal static class BoundedFile
{
    /// <summary>The limit of a file written by hand: a scenario or a file of observed outcomes (4 MiB).</summary>
    public const int HandWrittenLimit = 4 * 1024 * 1024;

    /// <summary>The limit of a file the engine writes and reads back: <c>summary.json</c>, <c>shard-state.json</c> (1 GiB).</summary>
    public const int ResultLimit = 1024 * 1024 * 1024;

    private const int FirstBuffer = 64 * 1024;

    /// <summary>The bytes of <paramref name="path"/>, at most <paramref name="limit"/> of them.</summary>
    /// <exception cref="UnreadableFileException">
    /// The file is missing, not a regular file, longer than <paramref name="limit"/> bytes, or cannot be read; the message
    /// says which, without the file's name.
    /// </exception>
    public static byte[] Read(string path, int limit)
    {
        if (FileKind.NotRegular(path) is { } kind) throw NotRegular(kind);
        if (!File.Exists(path)) throw new UnreadableFileException("no such file");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            // Checked again on what was opened, in case the path was replaced in between.
            if (FileKind.NotRegular(stream.SafeFileHandle) is { } opened) throw NotRegular(opened);
            return ReadAtMost(stream, limit);
        }
        catch (Exception e) when (e is (IOException or UnauthorizedAccessException) and not UnreadableFileException)
        {
            throw new UnreadableFileException($"cannot read the file: {e.Message}", e);
        }
    }

    /// <summary>
    /// Null when <paramref name="path"/> is a regular file (or a link to one) that <see cref="Read"/> can open without
    /// waiting; otherwise why not, e.g. <c>is not a regular file (a FIFO)</c>. Lets a listing of files pass over a FIFO
    /// or a device without opening it.
    /// </summary>
    public static string? WhyNotRegular(string path) =>
        FileKind.NotRegular(path) is { } kind ? NotRegular(kind).Message
        : File.Exists(path) ? null
        : "no such file";

    /// <summary>How a limit is spoken of in messages: <c>4 MiB</c>, <c>1 GiB</c>.</summary>
    public static string Describe(long limit) =>
        limit % (1L << 30) == 0 ? string.Create(CultureInfo.InvariantCulture, $"{limit >> 30} GiB")
        : limit % (1L << 20) == 0 ? string.Create(CultureInfo.InvariantCulture, $"{limit >> 20} MiB")
        : string.Create(CultureInfo.InvariantCulture, $"{limit:N0} bytes");

    private static UnreadableFileException NotRegular(string kind) => new($"is not a regular file ({kind})");

    private static UnreadableFileException TooLarge(int limit) =>
        new(string.Create(CultureInfo.InvariantCulture, $"is larger than the {Describe(limit)} limit ({limit:N0} bytes)"));

    /// <summary>Reads to the end, but never more than <paramref name="limit"/> + 1 bytes whatever length the file reports.</summary>
    private static byte[] ReadAtMost(FileStream stream, int limit)
    {
        var reported = stream.CanSeek ? stream.Length : 0;
        if (reported > limit) throw TooLarge(limit);
        var buffer = new byte[(int)Math.Min((long)limit + 1, Math.Max(reported + 1, FirstBuffer))];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > limit) throw TooLarge(limit);
                Array.Resize(ref buffer, (int)Math.Min((long)limit + 1, 2L * buffer.Length));
            }
            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0) break;
            length += read;
        }
        if (length > limit) throw TooLarge(limit);
        return length == buffer.Length ? buffer : buffer[..length];
    }
}
