using EvalFramework.Contract;
using YamlDotNet.RepresentationModel;

namespace EvalFramework.Evaluation.Configuration;

/// <summary>
/// Reads a pilot's vocabulary lists (case types, teams, channels, ... and <c>attributeValues</c>): each value of its
/// list's form, no personal identifier, no duplicate.
/// </summary>
internal sealed class VocabularyReader(ErrorSink errors)
{
    private readonly ErrorSink _errors = errors;

    /// <summary>
    /// Reads <c>attributeValues</c>: for some attribute keys (each one of <paramref name="keys"/>), the list of values it
    /// may take. Values are 1–256 characters of plain text (<see cref="EventValidator.IsPlainText"/>), never an identifier.
    /// </summary>
    public Dictionary<string, IReadOnlyList<string>>? AttributeValues(MappingReader m, IReadOnlyList<string> keys)
    {
        if (m.Mapping("attributeValues", false) is not { } node)
        {
            return m.Get("attributeValues", false) is null ? null : [];
        }

        var path = m.KeyOf("attributeValues");
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!keys.Contains(key, StringComparer.Ordinal))
            {
                _errors.At(keyNode, path, "'" + key + "' is not one of the pilot's attributeKeys (" + string.Join(", ", keys) + ")");
                continue;
            }

            if (value is not YamlSequenceNode list)
            {
                _errors.At(value, path + "." + key, "must be a list of values" + MappingReader.Found(value));
                continue;
            }

            result[key] = ReadValues(list, path + "." + key, "value", IsAttributeValue,
                _ => "must be 1–256 characters without control or invisible formatting characters");
        }

        return result;
    }

    public List<string>? SlugList(MappingReader m, string key, bool required, string what, bool atLeastOne)
    {
        if (m.Sequence(key, required) is not { } node)
        {
            return null;
        }

        var path = m.KeyOf(key);
        if (atLeastOne && node.Children.Count == 0)
        {
            _errors.At(node, path, "must list at least one " + what);
            return null;
        }

        return ReadValues(node, path, what, v => EventValidator.IsSlug(v), v => ConfigRules.SlugRule + " (found '" + v + "')", slug: true);
    }

    private static bool IsAttributeValue(string text) => text.Length is > 0 and <= 256 && EventValidator.IsPlainText(text);

    /// <summary>
    /// The values of a vocabulary list: each a single value of the list's form, no personal identifier (read as the
    /// collector's guard reads that form: as a slug or as free text), no duplicate; an error for each that is not.
    /// </summary>
    private List<string> ReadValues(YamlSequenceNode node, string path, string what, Func<string, bool> valid, Func<string, string> rule,
        bool slug = false)
    {
        var values = new List<string>();
        for (var i = 0; i < node.Children.Count; i++)
        {
            var child = node.Children[i];
            if (child is not YamlScalarNode { Value: { } value } || MappingReader.IsNull(child))
            {
                _errors.At(child, ConfigRules.Index(path, i), "must be a single value" + MappingReader.Found(child));
            }
            else if (!valid(value))
            {
                _errors.At(child, ConfigRules.Index(path, i), rule(value));
            }
            else if ((slug ? IdentifierGuard.FindInSlug(value) : IdentifierGuard.Find(value)) is { } kind)
            {
                _errors.At(child, ConfigRules.Index(path, i), "looks like " + IdentifierGuard.Describe(kind) + "; a vocabulary never holds personal identifiers");
            }
            else if (values.Contains(value, StringComparer.Ordinal))
            {
                _errors.At(child, ConfigRules.Index(path, i), "duplicate " + what + " '" + value + "'");
            }
            else
            {
                values.Add(value);
            }
        }

        return values;
    }
}
