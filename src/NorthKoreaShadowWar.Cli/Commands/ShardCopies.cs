using NorthKoreaShadowWar.Files;

namespace NorthKoreaShadowWar.Cli.Commands;

/// <summary>
/// The input files a merge needs again (the scenario, and for updates the evidence), from the copies kept in the shard
/// folders or, failing that, from the path the shards recorded; each must have the SHA-256 the shards were run with
/// (see docs/cluster.md).
/// </summary>
internal static class ShardCopies
{
    /// <summary>
    /// The bytes of the first of <paramref name="copies"/> that exists, else of <paramref name="recordedPath"/>, checked
    /// against <paramref name="expectedSha256"/>; null after saying why there are none. <paramref name="what"/> names the
    /// file in messages (<c>scenario</c>, <c>evidence</c>), <paramref name="copyName"/> the copy's file name.
    /// </summary>
    public static byte[]? Read(IEnumerable<string> copies, string recordedPath, string expectedSha256, string what, string copyName)
    {
        foreach (var path in copies.Where(File.Exists).Append(recordedPath))
        {
            byte[] bytes;
            try
            {
                bytes = BoundedFile.Read(path, BoundedFile.HandWrittenLimit);
            }
            catch (UnreadableFileException)
            {
                continue;
            }
            var sha256 = Scenarios.Loading.ScenarioLoader.Sha256(bytes);
            if (sha256 == expectedSha256) return bytes;
            Console.Error.WriteLine($"shadowwar merge: {path} has SHA-256 {sha256}, but the shards were run on {Article(what)} {what} with SHA-256 {expectedSha256}; it was changed after the run");
            return null;
        }
        Console.Error.WriteLine($"shadowwar merge: no copy of the {what} ({copyName}) in the shard folders, and {recordedPath} cannot be read");
        return null;
    }

    private static string Article(string what) => "aeiou".Contains(what[0], StringComparison.Ordinal) ? "an" : "a";
}
