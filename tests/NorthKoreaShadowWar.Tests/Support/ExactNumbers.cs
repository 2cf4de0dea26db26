using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using NorthKoreaShadowWar.Results;
using NorthKoreaShadowWar.Simulation;
using NorthKoreaShadowWar.Statistics;

namespace NorthKoreaShadowWar.Tests.Support;

/// <summary>
/// Every number of a run written out exactly, as text that two runs share only if their numbers agree bit for bit:
/// doubles as their 64-bit patterns, counts in full. <see cref="Tallies"/> covers what the trial loop counted (the raw
/// totals of <see cref="SimulationResult"/>); <see cref="Results"/> covers what a user reads (the outcomes, occupancy
/// and correlations of <see cref="RunResult"/>, as written to summary.json); <see cref="Of"/> any other result record.
/// </summary>
internal static class ExactNumbers
{
    public static string Tallies(SimulationResult result)
    {
        var text = new StringBuilder();
        text.Append("trials ").Append(result.Trials).Append(" machine-steps ").Append(result.MachineSteps).Append('\n');
        text.Append("occupancy ").AppendJoin(' ', result.Occupancy).Append('\n');
        foreach (var histogram in result.FirstStep) text.Append("first-step ").AppendJoin(' ', histogram).Append('\n');
        foreach (var histogram in result.StepsIn) text.Append("steps-in ").AppendJoin(' ', histogram).Append('\n');
        foreach (var blocks in result.BlockMoments)
        {
            text.Append("block-moments");
            foreach (var moments in blocks) Append(text.Append(' '), moments);
            text.Append('\n');
        }
        foreach (var moments in result.ValueMoments) Append(text.Append("moments "), moments).Append('\n');
        foreach (var sketch in result.ValueSketches)
        {
            var contents = sketch.Contents;
            text.Append("sketch ").Append(contents.Count).Append(' ').Append(contents.Zeros).Append(' ').Append(contents.Overflowed);
            foreach (var (value, count) in contents.Exact) text.Append(' ').Append(Bits(value)).Append(':').Append(count);
            foreach (var (bucket, count) in contents.Positive) text.Append(" +").Append(bucket).Append(':').Append(count);
            foreach (var (bucket, count) in contents.Negative) text.Append(" -").Append(bucket).Append(':').Append(count);
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The outcomes, occupancy and correlations of <paramref name="result"/>, every property of each, doubles as bits.</summary>
    public static string Results(RunResult result)
    {
        var text = new StringBuilder();
        Write(text, result.Outcomes);
        text.Append('\n');
        Write(text, result.Occupancy);
        text.Append('\n');
        Write(text, result.Correlations);
        return text.ToString();
    }

    /// <summary>Any result record: every public property (by name), numbers exactly, lists and tuples item by item.</summary>
    public static string Of(object? value)
    {
        var text = new StringBuilder();
        Write(text, value);
        return text.ToString();
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static StringBuilder Append(StringBuilder text, in RunningMoments moments) =>
        text.Append(moments.Count).Append('/').Append(Bits(moments.Mean)).Append('/').Append(Bits(moments.SumOfSquares))
            .Append('/').Append(Bits(moments.Minimum)).Append('/').Append(Bits(moments.Maximum));

    private static string Bits(double value) => BitConverter.DoubleToInt64Bits(value).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>Any value of a result: numbers exactly, lists and tuples item by item, records property by property (by name).</summary>
    private static void Write(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case double number:
                text.Append(Bits(number));
                break;
            case string or bool or int or long:
                text.Append(CultureInfo.InvariantCulture, $"{value}");
                break;
            case ITuple tuple:
                text.Append('(');
                for (var i = 0; i < tuple.Length; i++) Write(i == 0 ? text : text.Append(','), tuple[i]);
                text.Append(')');
                break;
            case IEnumerable items:
                text.Append('[');
                var first = true;
                foreach (var item in items)
                {
                    if (!first) text.Append(',');
                    Write(text, item);
                    first = false;
                }
                text.Append(']');
                break;
            default:
                text.Append(value.GetType().Name).Append('{');
                foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract").OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    text.Append(property.Name).Append('=');
                    Write(text, property.GetValue(value));
                    text.Append(';');
                }
                text.Append('}');
                break;
        }
    }
}
