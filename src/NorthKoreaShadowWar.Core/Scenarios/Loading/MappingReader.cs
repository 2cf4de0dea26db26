using YamlDotNet.RepresentationModel;
using NorthKoreaShadowWar.Diagnostics;

namespace NorthKoreaShadowWar.Scenarios.Loading;

/// <summary>
/// One YAML mapping whose keys are checked against the keys it may have: an unknown key is reported
/// at its position with the closest known key as a suggestion.
/// </summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> entries = new(StringComparer.Ordinal);

    public MappingReader(YamlReadContext context, YamlMappingNode mapping, string what, IReadOnlyCollection<string> knownKeys)
    {
        Node = mapping;
        foreach (var (key, value) in mapping.Children)
        {
            if (context.String(key, $"a key of {what}") is not { } name) continue;
            if (knownKeys.Count > 0 && !knownKeys.Contains(name))
            {
                context.Error(key, $"unknown key '{name}' in {what}{SpellingSuggestions.DidYouMean(name, knownKeys)}; expected one of: {string.Join(", ", knownKeys)}");
                continue;
            }
            entries[name] = (key, value);
        }
    }

    public YamlMappingNode Node { get; }

    public YamlNode? this[string key] => entries.TryGetValue(key, out var entry) ? entry.Value : null;

    public YamlNode? KeyNode(string key) => entries.TryGetValue(key, out var entry) ? entry.Key : null;

    public IEnumerable<string> Keys => entries.Keys;

    public bool Has(string key) => entries.ContainsKey(key);
}
