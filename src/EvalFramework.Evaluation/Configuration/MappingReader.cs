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

    public double? Number(string key, bool required, Func<double, bool>? valid = null, string? rule = null) =>
        Scalar(key, required, "must be a number", ParseNumber, valid, rule, out var value) ? value : null;

    public int? Integer(string key, bool required, Func<int, bool>? valid = null, string? rule = null) =>
        Scalar(key, required, "must be a whole number", ParseInteger, valid, rule, out var value) ? value : null;

    public string? Text(string key, bool required, Func<string, bool>? valid = null, string? rule = null) =>
        Scalar(key, required, "must be a single value", ParseText, valid, rule, out var value) ? value : null;

    public YamlMappingNode? Mapping(string key, bool required) => ValueOf<YamlMappingNode>(key, required, "must be a mapping of keys to values");

    public YamlSequenceNode? Sequence(string key, bool required) => ValueOf<YamlSequenceNode>(key, required, "must be a list");

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public static string Found(YamlNode node) => node switch
    {
        YamlScalarNode s => " (found '" + s.Value + "')",
        YamlMappingNode => " (found a mapping)",
        YamlSequenceNode => " (found a list)",
        _ => "",
    };

    /// <summary>
    /// Reads the single value of <paramref name="key"/>: absent (reported when required), not of the expected form
    /// (reported as <paramref name="expected"/>), not valid (reported as <paramref name="rule"/>), or its value.
    /// </summary>
    private bool Scalar<T>(string key, bool required, string expected, ScalarParser<T> parse, Func<T, bool>? valid, string? rule,
        out T value)
    {
        value = default!;
        var node = Get(key, required);
        if (node is null)
        {
            return false;
        }

        if (node is not YamlScalarNode { Value: { } text } || !parse(text, out value))
        {
            _errors.At(node, KeyOf(key), expected + Found(node));
            return false;
        }

        if (valid is not null && !valid(value))
        {
            _errors.At(node, KeyOf(key), rule ?? "invalid value");
            return false;
        }

        return true;
    }

    private static bool ParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static bool ParseInteger(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static bool ParseText(string text, out string value)
    {
        value = text;
        return true;
    }

    private delegate bool ScalarParser<T>(string text, out T value);

    /// <summary>The value node of <paramref name="key"/> when it is a <typeparamref name="T"/>; else reported as <paramref name="expected"/>.</summary>
    private T? ValueOf<T>(string key, bool required, string expected)
        where T : YamlNode
    {
        var node = Get(key, required);
        if (node is null or T)
        {
            return (T?)node;
        }

        _errors.At(node, KeyOf(key), expected + Found(node));
        return null;
    }
}
