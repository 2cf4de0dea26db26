using System.Globalization;

namespace NorthKoreaShadowWar.Batches;

/// <summary>
/// A parameter a sweep varies, from <c>--param NAME=LO:HI:N</c> (a grid of <see cref="Count"/> evenly spaced values from
/// <see cref="Low"/> to <see cref="High"/> inclusive) or <c>--param NAME=LO:HI</c> (a range for a Latin hypercube).
/// </summary>
/// <param name="Name">The parameter's name in the scenario.</param>
/// <param name="Low">The lowest value.</param>
/// <param name="High">The highest value, at least <paramref name="Low"/>.</param>
/// <param name="Count">For a grid, the number of values (1 means <paramref name="Low"/> only); null for a Latin hypercube.</param>
internal sealed record SweepParameter(string Name, double Low, double High, int? Count)
{
    /// <summary>
    /// Reads <paramref name="text"/>, <c>NAME=LO:HI:N</c> or <c>NAME=LO:HI</c>; returns the parameter, or null and
    /// a message saying what is wrong. Whether N must be given is decided by <see cref="SweepDesign.Create"/>.
    /// </summary>
    public static SweepParameter? Parse(string text, out string? error)
    {
        error = null;
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? "" : text[..equals].Trim();
        var parts = equals < 0 ? [] : text[(equals + 1)..].Split(':');
        if (name.Length == 0 || parts.Length is < 2 or > 3)
        {
            error = $"--param '{text}' is not NAME=LO:HI:N (a grid, e.g. sk_shift=0.002:0.02:5) or NAME=LO:HI (with --samples)";
            return null;
        }
        if (!Number(parts[0], out var low) || !Number(parts[1], out var high))
        {
            error = $"--param {name}: LO and HI must be finite numbers, got '{parts[0]}' and '{parts[1]}'";
            return null;
        }
        if (low > high)
        {
            error = $"--param {name}: LO ({parts[0]}) is above HI ({parts[1]}); write the range from low to high";
            return null;
        }
        int? count = null;
        if (parts.Length == 3)
        {
            if (!int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                error = $"--param {name}: N must be a whole number of values, at least 1 (1 means LO only), got '{parts[2]}'";
                return null;
            }
            if (n >= 2 && low == high)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"--param {name}: LO and HI are equal, so {n} values would all be the same; use N=1 or --set {name}={parts[0]}");
                return null;
            }
            count = n;
        }
        return new SweepParameter(name, low, high, count);
    }

    /// <summary>The value as <c>--set</c> reads it back exactly: the shortest text that round-trips.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static bool Number(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
