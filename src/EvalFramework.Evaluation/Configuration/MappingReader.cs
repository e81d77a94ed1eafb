using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EvalFramework.Evaluation.Configuration;

/// <summary>
/// Reads the keys of one YAML mapping, reporting unknown keys, missing required keys and wrong types to an
/// <see cref="ErrorSink"/>. Every getter returns <see langword="null"/> when the key is absent or invalid.
/// </summary>
internal sealed class MappingReader
{
    private readonly ErrorSink _errors;
    private readonly YamlMappingNode _node;
    private readonly string _path;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    public MappingReader(ErrorSink errors, YamlMappingNode node, string path, IReadOnlyList<string> knownKeys)
    {
        _errors = errors;
        _node = node;
        _path = path;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                errors.At(key, path.Length == 0 ? "(document)" : path, "keys must be plain names");
                continue;
            }

            if (!knownKeys.Contains(name, StringComparer.Ordinal))
            {
                errors.At(key, KeyOf(name), "unknown key (expected one of: " + string.Join(", ", knownKeys) + ")");
                continue;
            }

            _entries[name] = (key, value);
        }
    }

    public YamlMappingNode Node => _node;

    public string Path => _path;

    public string KeyOf(string key) => _path.Length == 0 ? key : _path + "." + key;

    /// <summary>The node of <paramref name="key"/> for locating errors: its key node, else the mapping itself.</summary>
    public YamlNode NodeOf(string key) => _entries.TryGetValue(key, out var entry) ? entry.Key : _node;

    /// <summary>The value node of <paramref name="key"/>; reports a missing required key. A null value counts as absent.</summary>
    public YamlNode? Get(string key, bool required)
    {
        if (_entries.TryGetValue(key, out var entry) && !IsNull(entry.Value))
        {
            return entry.Value;
        }

        if (required)
        {
            _errors.At(_entries.TryGetValue(key, out var present) ? present.Key : _node, KeyOf(key), "required key is missing");
        }

        return null;
    }

    public double? Number(string key, bool required, Func<double, bool>? valid = null, string? rule = null)
    {
        var node = Get(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode { Value: { } text }
            || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            _errors.At(node, KeyOf(key), "must be a number" + Found(node));
            return null;
        }

        if (valid is not null && !valid(value))
        {
            _errors.At(node, KeyOf(key), rule ?? "invalid value");
            return null;
        }

        return value;
    }

    public int? Integer(string key, bool required, Func<int, bool>? valid = null, string? rule = null)
    {
        var node = Get(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode { Value: { } text }
            || !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            _errors.At(node, KeyOf(key), "must be a whole number" + Found(node));
            return null;
        }

        if (valid is not null && !valid(value))
        {
            _errors.At(node, KeyOf(key), rule ?? "invalid value");
            return null;
        }

        return value;
    }

    public string? Text(string key, bool required, Func<string, bool>? valid = null, string? rule = null)
    {
        var node = Get(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlScalarNode { Value: { } text })
        {
            _errors.At(node, KeyOf(key), "must be a single value" + Found(node));
            return null;
        }

        if (valid is not null && !valid(text))
        {
            _errors.At(node, KeyOf(key), rule ?? "invalid value");
            return null;
        }

        return text;
    }

    public YamlMappingNode? Mapping(string key, bool required)
    {
        var node = Get(key, required);
        if (node is null or YamlMappingNode)
        {
            return (YamlMappingNode?)node;
        }

        _errors.At(node, KeyOf(key), "must be a mapping of keys to values" + Found(node));
        return null;
    }

    public YamlSequenceNode? Sequence(string key, bool required)
    {
        var node = Get(key, required);
        if (node is null or YamlSequenceNode)
        {
            return (YamlSequenceNode?)node;
        }

        _errors.At(node, KeyOf(key), "must be a list" + Found(node));
        return null;
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public static string Found(YamlNode node) => node switch
    {
        YamlScalarNode s => " (found '" + s.Value + "')",
        YamlMappingNode => " (found a mapping)",
        YamlSequenceNode => " (found a list)",
        _ => "",
    };
}
