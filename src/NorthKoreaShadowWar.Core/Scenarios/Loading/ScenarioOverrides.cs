using System.Text;
using NorthKoreaShadowWar.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NorthKoreaShadowWar.Scenarios.Loading;

/// <summary>
/// Applies a variant, then <c>--set name=value</c> overrides, to a scenario. A variant replaces the horizon,
/// the step, whole parameter definitions by name, variables' initial values, and the whole <c>correlations</c>
/// block if it gives one; an override replaces a
/// parameter's whole definition, written as in the file (<c>0.05</c> or <c>{ uniform: [0.1, 0.3] }</c>).
/// </summary>
internal static class ScenarioOverrides
{
    /// <summary>The pseudo-file named in messages about <c>--set</c> values.</summary>
    public const string CommandLineFile = "--set";

    /// <summary>Applies variant <paramref name="variantName"/> (or none) and the overrides; reports problems.</summary>
    public static Scenario Apply(Scenario scenario, string? variantName, IReadOnlyList<string> overrides, DiagnosticBag diagnostics)
    {
        if (variantName is not null)
        {
            var variant = scenario.Variants.FirstOrDefault(v => v.Name == variantName);
            if (variant is null)
            {
                var known = scenario.Variants.Count == 0 ? "the scenario defines no variants" : $"its variants are {string.Join(", ", scenario.Variants.Select(v => v.Name))}";
                diagnostics.Error(scenario.Position with { Line = 1, Column = 1 },
                    $"no variant '{variantName}'{SpellingSuggestions.DidYouMean(variantName, scenario.Variants.Select(v => v.Name))}; {known}");
                return scenario;
            }
            scenario = ApplyVariant(scenario, variant, diagnostics);
        }
        foreach (var assignment in overrides)
            scenario = ApplyOverride(scenario, assignment, diagnostics);
        return scenario;
    }

    /// <summary>Checks that every variant names only parameters and variables the base scenario has.</summary>
    public static void CheckVariants(Scenario scenario, DiagnosticBag diagnostics)
    {
        foreach (var variant in scenario.Variants)
            ApplyVariant(scenario, variant, diagnostics);
    }

    private static Scenario ApplyVariant(Scenario scenario, VariantDefinition variant, DiagnosticBag diagnostics)
    {
        var parameters = scenario.Parameters.ToList();
        foreach (var replacement in variant.Parameters)
        {
            var index = parameters.FindIndex(p => p.Name == replacement.Name);
            if (index < 0)
                diagnostics.Error(replacement.Position, $"variant '{variant.Name}' sets parameter '{replacement.Name}', which the scenario does not define{SpellingSuggestions.DidYouMean(replacement.Name, parameters.Select(p => p.Name))}");
            else
                parameters[index] = parameters[index] with { Distribution = replacement.Distribution };
        }
        var variables = scenario.Variables.ToList();
        foreach (var replacement in variant.Variables)
        {
            var index = variables.FindIndex(v => v.Name == replacement.Name);
            if (index < 0)
                diagnostics.Error(replacement.Position, $"variant '{variant.Name}' sets variable '{replacement.Name}', which the scenario does not define{SpellingSuggestions.DidYouMean(replacement.Name, variables.Select(v => v.Name))}");
            else
                variables[index] = variables[index] with { Initial = replacement.Initial };
        }
        return scenario with
        {
            Horizon = variant.Horizon ?? scenario.Horizon,
            Step = variant.Step ?? scenario.Step,
            Parameters = parameters,
            Correlations = variant.Correlations ?? scenario.Correlations,
            Variables = variables,
            AppliedVariant = variant.Name,
        };
    }

    private static Scenario ApplyOverride(Scenario scenario, string assignment, DiagnosticBag diagnostics)
    {
        var file = $"{CommandLineFile} {assignment}";
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            diagnostics.Error(new SourcePosition(file, 1, 1), "an override is written name=value, e.g. --set sk_shift=0.05");
            return scenario;
        }
        var name = assignment[..equals].Trim();
        var index = scenario.Parameters.ToList().FindIndex(p => p.Name == name);
        if (index < 0)
        {
            diagnostics.Error(new SourcePosition(file, 1, 1), $"--set names parameter '{name}', which the scenario does not define{SpellingSuggestions.DidYouMean(name, scenario.Parameters.Select(p => p.Name))}");
            return scenario;
        }
        var valueText = assignment[(equals + 1)..];
        var context = new YamlReadContext(file, diagnostics) { ColumnOffset = equals + 1, Text = valueText };
        YamlNode node;
        try
        {
            if (YamlStructureLimits.FirstProblem(valueText) is { } problem)
            {
                diagnostics.Error(context.PositionOf(problem.Index), problem.Message);
                return scenario;
            }
            var stream = new YamlStream();
            stream.Load(new StringReader(valueText));
            if (stream.Documents.Count == 0)
            {
                diagnostics.Error(new SourcePosition(file, 1, equals + 2), $"--set {name}= needs a value");
                return scenario;
            }
            node = stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            diagnostics.Error(new SourcePosition(file, 1, equals + 1 + (int)e.Start.Column), $"malformed value: {YamlFile.DescribeYamlError(e)}");
            return scenario;
        }
        var distribution = DistributionReader.Read(context, node, name);
        if (distribution is null) return scenario;
        var parameters = scenario.Parameters.ToList();
        parameters[index] = parameters[index] with { Distribution = distribution };
        return scenario with
        {
            Parameters = parameters,
            AppliedOverrides = [.. scenario.AppliedOverrides, $"{name}={valueText}"],
        };
    }
}
