using System.Globalization;
using System.Text;
using NorthKoreaShadowWar.Files;

namespace NorthKoreaShadowWar.Results;

/// <summary>
/// <c>distributions.csv</c> of a results folder: every distribution outcome's values with their weights
/// (<see cref="DistributionResult.Points"/>), one row per value, ascending within each outcome. summary.json keeps a
/// distribution's mean and quantiles; this file keeps the distribution itself, so that what needs all of it (the CRPS of
/// <c>score</c>) can be computed from a folder. A folder written before this file existed has none: its distributions
/// are read without points.
/// </summary>
internal static class DistributionsCsv
{
    /// <summary>The file's name in a results folder.</summary>
    public const string FileName = "distributions.csv";

    /// <summary>The header row's columns.</summary>
    public static readonly IReadOnlyList<string> Columns = ["outcome", "value", "weight"];

    /// <summary>Writes the points of every distribution of <paramref name="result"/> to <paramref name="path"/>.</summary>
    public static void Write(RunResult result, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.Write(string.Join(',', Columns) + "\n");
        foreach (var distribution in result.Outcomes.OfType<DistributionResult>())
            foreach (var (value, weight) in distribution.Points)
                writer.Write($"{CsvWriter.Field(distribution.Name)},{CsvWriter.Number(value)},{CsvWriter.Number(weight)}\n");
    }

    /// <summary>
    /// <paramref name="result"/> (read from the summary.json of <paramref name="folder"/>) with each distribution's points
    /// read from the folder's <c>distributions.csv</c>; unchanged when the folder has no such file.
    /// </summary>
    /// <exception cref="SummaryJsonException">The file exists but is not a distributions.csv of this result.</exception>
    public static RunResult ReadInto(RunResult result, string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return result;
        byte[] bytes;
        try
        {
            bytes = BoundedFile.Read(path, BoundedFile.ResultLimit);
        }
        catch (UnreadableFileException e)
        {
            throw new SummaryJsonException(path, e.Message, inner: e);
        }
        var points = Parse(Encoding.UTF8.GetString(bytes), path, result);
        return result with
        {
            Outcomes = result.Outcomes.Select(o => o is DistributionResult d && points.TryGetValue(d.Name, out var found) ? d with { Points = found } : o).ToList(),
        };
    }

    private static Dictionary<string, List<(double Value, double Weight)>> Parse(string text, string path, RunResult result)
    {
        var distributions = result.Outcomes.OfType<DistributionResult>().Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        var points = new Dictionary<string, List<(double Value, double Weight)>>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        if (lines[0].TrimEnd('\r') != string.Join(',', Columns))
            throw new SummaryJsonException(path, $"the first line must be the header '{string.Join(',', Columns)}'", 1, 1);
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0) continue;
            var number = i + 1;
            var fields = line.Split(',');
            if (fields.Length != Columns.Count)
                throw new SummaryJsonException(path, string.Create(CultureInfo.InvariantCulture, $"expected {Columns.Count} fields (outcome,value,weight), found {fields.Length}"), number, 1);
            var name = fields[0];
            if (!distributions.Contains(name))
                throw new SummaryJsonException(path, $"'{name}' is not a distribution outcome of the summary.json beside this file", number, 1);
            var value = Finite(fields[1], path, number, fields[0].Length + 2, "value");
            var weight = Finite(fields[2], path, number, fields[0].Length + fields[1].Length + 3, "weight");
            if (weight < 0) throw new SummaryJsonException(path, $"weight must not be negative, found {fields[2]}", number, fields[0].Length + fields[1].Length + 3);
            if (!points.TryGetValue(name, out var list)) points[name] = list = [];
            if (list.Count > 0 && value < list[^1].Value)
                throw new SummaryJsonException(path, $"the values of '{name}' must be in ascending order; {fields[1]} follows {CsvWriter.Number(list[^1].Value)}", number, fields[0].Length + 2);
            list.Add((value, weight));
        }
        return points;
    }

    private static double Finite(string field, string path, int line, int column, string what) =>
        double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new SummaryJsonException(path, $"{what} must be a finite number, found '{field}'", line, column);
}
