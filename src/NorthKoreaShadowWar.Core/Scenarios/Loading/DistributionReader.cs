using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace NorthKoreaShadowWar.Scenarios.Loading;

/// <summary>
/// Reads a parameter's definition: a plain number, an expression over other parameters in quotes, or a
/// mapping naming one distribution (<c>uniform</c>, <c>normal</c>, <c>lognormal</c>, <c>beta</c>,
/// <c>pert</c>, <c>triangular</c>) with an optional <c>clip: [lo, hi]</c>. Checks the arguments.
/// </summary>
internal static class DistributionReader
{
    private static readonly string[] Kinds = ["uniform", "normal", "lognormal", "beta", "pert", "triangular"];

    public static ParameterDistribution? Read(YamlReadContext context, YamlNode node, string name)
    {
        var what = $"parameter '{name}'";
        if (node is YamlScalarNode scalar && !YamlReadContext.IsNull(node))
        {
            if (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && LooksNumeric(scalar.Value!))
                return context.Number(node, what) is { } value ? new FixedValue(value) { Position = context.PositionOf(node) } : null;
            var expression = context.Expression(node, what);
            return expression is null ? null : new DerivedValue(expression) { Position = context.PositionOf(node) };
        }
        var mapping = context.Mapping(node, what, [.. Kinds, "clip"]);
        if (mapping is null) return null;
        var kinds = mapping.Keys.Where(k => k != "clip").ToList();
        if (kinds.Count != 1)
        {
            context.Error(node, kinds.Count == 0
                ? $"{what} needs a distribution: one of {string.Join(", ", Kinds)}"
                : string.Create(CultureInfo.InvariantCulture, $"{what} names {kinds.Count} distributions ({string.Join(", ", kinds)}); give exactly one"));
            return null;
        }
        var kind = kinds[0];
        var arguments = mapping[kind]!;
        ParameterDistribution? distribution = kind switch
        {
            "uniform" => ReadUniform(context, arguments, what),
            "normal" => ReadNormal(context, arguments, what),
            "lognormal" => ReadLogNormal(context, arguments, what),
            "beta" => ReadBeta(context, arguments, what),
            "pert" => ReadPert(context, arguments, what),
            _ => ReadTriangular(context, arguments, what),
        };
        if (distribution is null) return null;
        distribution = distribution with { Position = context.PositionOf(node) };
        if (mapping["clip"] is { } clipNode)
        {
            if (ReadPair(context, clipNode, $"clip of {what}") is not { } clip) return null;
            if (clip.Lower > clip.Upper)
            {
                context.Error(clipNode, string.Create(CultureInfo.InvariantCulture, $"clip of {what} needs lower <= upper, got [{clip.Lower}, {clip.Upper}]"));
                return null;
            }
            distribution = distribution with { Clip = clip };
        }
        return distribution;
    }

    private static bool LooksNumeric(string text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) ||
        text.ToLowerInvariant() is ".nan" or ".inf" or "-.inf" or "+.inf";

    private static UniformDistribution? ReadUniform(YamlReadContext context, YamlNode node, string what)
    {
        (double Lower, double Upper)? bounds;
        if (node is YamlSequenceNode)
        {
            bounds = ReadPair(context, node, $"uniform of {what}");
        }
        else
        {
            var args = Arguments(context, node, $"uniform of {what}", ["min", "max"], []);
            bounds = args is null ? null : (args["min"], args["max"]);
        }
        if (bounds is not { } b) return null;
        if (!(b.Lower < b.Upper))
        {
            context.Error(node, string.Create(CultureInfo.InvariantCulture, $"uniform of {what} needs lower < upper, got [{b.Lower}, {b.Upper}] (for a fixed value write the number)"));
            return null;
        }
        return new UniformDistribution(b.Lower, b.Upper);
    }

    private static NormalDistribution? ReadNormal(YamlReadContext context, YamlNode node, string what)
    {
        var args = Arguments(context, node, $"normal of {what}", ["mean", "sd"], []);
        if (args is null) return null;
        if (!(args["sd"] > 0))
        {
            context.Error(node, string.Create(CultureInfo.InvariantCulture, $"normal of {what} needs sd > 0, got {args["sd"]}"));
            return null;
        }
        return new NormalDistribution(args["mean"], args["sd"]);
    }

    private static LogNormalDistribution? ReadLogNormal(YamlReadContext context, YamlNode node, string what)
    {
        var mapping = context.Mapping(node, $"lognormal of {what}", "p05", "p95", "mu", "sigma");
        if (mapping is null) return null;
        if (mapping.Has("p05") || mapping.Has("p95"))
        {
            if (mapping.Has("mu") || mapping.Has("sigma"))
            {
                context.Error(node, $"lognormal of {what}: give either p05 and p95 or mu and sigma, not both");
                return null;
            }
            var args = Arguments(context, node, $"lognormal of {what}", ["p05", "p95"], [], mapping);
            if (args is null) return null;
            if (!(args["p05"] > 0 && args["p05"] < args["p95"]))
            {
                context.Error(node, string.Create(CultureInfo.InvariantCulture, $"lognormal of {what} needs 0 < p05 < p95, got p05 {args["p05"]}, p95 {args["p95"]}"));
                return null;
            }
            return LogNormalDistribution.FromPercentiles(args["p05"], args["p95"]);
        }
        var parameters = Arguments(context, node, $"lognormal of {what}", ["mu", "sigma"], [], mapping);
        if (parameters is null) return null;
        if (!(parameters["sigma"] > 0))
        {
            context.Error(node, string.Create(CultureInfo.InvariantCulture, $"lognormal of {what} needs sigma > 0, got {parameters["sigma"]}"));
            return null;
        }
        return new LogNormalDistribution(parameters["mu"], parameters["sigma"]);
    }

    private static BetaDistribution? ReadBeta(YamlReadContext context, YamlNode node, string what)
    {
        var args = Arguments(context, node, $"beta of {what}", ["alpha", "beta"], []);
        if (args is null) return null;
        var valid = true;
        foreach (var key in new[] { "alpha", "beta" })
        {
            if (args[key] > 0) continue;
            context.Error(node, string.Create(CultureInfo.InvariantCulture, $"beta of {what} needs {key} > 0, got {args[key]}"));
            valid = false;
        }
        return valid ? new BetaDistribution(args["alpha"], args["beta"]) : null;
    }

    private static PertDistribution? ReadPert(YamlReadContext context, YamlNode node, string what)
    {
        var args = Arguments(context, node, $"pert of {what}", ["min", "mode", "max"], ["lambda"]);
        if (args is null || !CheckMinModeMax(context, node, $"pert of {what}", args)) return null;
        var lambda = args.GetValueOrDefault("lambda", 4);
        if (!(lambda > 0))
        {
            context.Error(node, string.Create(CultureInfo.InvariantCulture, $"pert of {what} needs lambda > 0, got {lambda}"));
            return null;
        }
        return new PertDistribution(args["min"], args["mode"], args["max"], lambda);
    }

    private static TriangularDistribution? ReadTriangular(YamlReadContext context, YamlNode node, string what)
    {
        var args = Arguments(context, node, $"triangular of {what}", ["min", "mode", "max"], []);
        if (args is null || !CheckMinModeMax(context, node, $"triangular of {what}", args)) return null;
        return new TriangularDistribution(args["min"], args["mode"], args["max"]);
    }

    private static bool CheckMinModeMax(YamlReadContext context, YamlNode node, string what, Dictionary<string, double> args)
    {
        if (args["min"] < args["max"] && args["min"] <= args["mode"] && args["mode"] <= args["max"]) return true;
        context.Error(node, string.Create(CultureInfo.InvariantCulture, $"{what} needs min <= mode <= max and min < max, got min {args["min"]}, mode {args["mode"]}, max {args["max"]}"));
        return false;
    }

    private static (double Lower, double Upper)? ReadPair(YamlReadContext context, YamlNode node, string what)
    {
        if (node is not YamlSequenceNode { Children.Count: 2 } pair)
        {
            context.Error(node, $"{what} must be a list of two numbers, e.g. [0.05, 0.2]");
            return null;
        }
        var lower = context.Number(pair.Children[0], $"the lower bound of {what}");
        var upper = context.Number(pair.Children[1], $"the upper bound of {what}");
        return lower is null || upper is null ? null : (lower.Value, upper.Value);
    }

    private static Dictionary<string, double>? Arguments(
        YamlReadContext context, YamlNode node, string what, string[] required, string[] optional, MappingReader? mapping = null)
    {
        mapping ??= context.Mapping(node, what, [.. required, .. optional]);
        if (mapping is null) return null;
        var values = new Dictionary<string, double>();
        var complete = true;
        foreach (var key in required.Concat(optional))
        {
            if (mapping[key] is not { } valueNode)
            {
                if (!required.Contains(key)) continue;
                context.Error(node, $"{what} is missing '{key}' (it needs {string.Join(", ", required)})");
                complete = false;
                continue;
            }
            if (context.Number(valueNode, $"'{key}' of {what}") is { } value) values[key] = value;
            else complete = false;
        }
        return complete ? values : null;
    }
}
