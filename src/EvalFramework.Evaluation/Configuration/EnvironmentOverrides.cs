using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace EvalFramework.Evaluation.Configuration;

/// <summary>
/// Applies environment variable overrides to the YAML tree before it is validated. A variable
/// <c>EVALFW__a__b__0__c=value</c> sets key <c>c</c> of item 0 of list <c>b</c> of mapping <c>a</c> to the single
/// value <c>value</c>. Mapping keys match exactly, else ignoring case; missing mapping keys are created (and then
/// validated like any key); list items must exist. Values are always single values, never mappings or lists.
/// </summary>
internal static class EnvironmentOverrides
{
    public const string Prefix = "EVALFW__";

    private const string Separator = "__";

    public static void Apply(YamlMappingNode root, IReadOnlyDictionary<string, string> environment, ErrorSink errors)
    {
        foreach (var (variable, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (variable.StartsWith(Prefix, StringComparison.Ordinal))
            {
                ApplyOne(root, variable, value, errors);
            }
        }
    }

    private static void ApplyOne(YamlMappingNode root, string variable, string value, ErrorSink errors)
    {
        var segments = variable[Prefix.Length..].Split(Separator);
        var path = "";
        void Fail(string message) =>
            errors.Add(new ConfigError("env:" + variable, 0, path.Length == 0 ? "(document)" : path, message));

        if (segments.Any(s => s.Length == 0))
        {
            path = string.Join(".", segments);
            Fail("the variable name has an empty key between '__' separators");
            return;
        }

        YamlNode current = root;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            YamlNode child;
            Action<YamlNode> replace;
            switch (current)
            {
                case YamlMappingNode mapping:
                {
                    path = path.Length == 0 ? segment : path + "." + segment;
                    var key = FindKey(mapping, segment);
                    if (key is null)
                    {
                        key = new YamlScalarNode(segment);
                        errors.MarkFromEnvironment(key, variable);
                        YamlNode created = i == segments.Length - 1 ? new YamlScalarNode(value) : new YamlMappingNode();
                        errors.MarkFromEnvironment(created, variable);
                        mapping.Children[key] = created;
                        current = created;
                        continue;
                    }

                    child = mapping.Children[key];
                    replace = node => mapping.Children[key] = node;
                    break;
                }

                case YamlSequenceNode sequence:
                {
                    if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    {
                        Fail("'" + segment + "' is not a list index (0, 1, ...) of " + path);
                        return;
                    }

                    path = string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");
                    if (index >= sequence.Children.Count)
                    {
                        Fail(string.Create(CultureInfo.InvariantCulture,
                            $"index {index} is out of range: the list has {sequence.Children.Count} items"));
                        return;
                    }

                    child = sequence.Children[index];
                    replace = node => sequence.Children[index] = node;
                    break;
                }

                default:
                    Fail("is a single value, so it has no key or item '" + segment + "'");
                    return;
            }

            if (i < segments.Length - 1)
            {
                current = child;
            }
            else if (child is YamlScalarNode)
            {
                replace(Scalar(value, variable, errors));
            }
            else
            {
                Fail(CannotReplace(child));
            }
        }
    }

    /// <summary>Why an override cannot replace a list or mapping by one value.</summary>
    private static string CannotReplace(YamlNode child) =>
        "cannot set a " + (child is YamlSequenceNode ? "list" : "mapping") + " to a single value; override its keys or items one by one";

    private static YamlScalarNode Scalar(string value, string variable, ErrorSink errors)
    {
        var node = new YamlScalarNode(value);
        errors.MarkFromEnvironment(node, variable);
        return node;
    }

    private static YamlNode? FindKey(YamlMappingNode mapping, string segment)
    {
        YamlNode? ignoringCase = null;
        foreach (var key in mapping.Children.Keys)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                if (string.Equals(name, segment, StringComparison.Ordinal))
                {
                    return key;
                }

                if (ignoringCase is null && string.Equals(name, segment, StringComparison.OrdinalIgnoreCase))
                {
                    ignoringCase = key;
                }
            }
        }

        return ignoringCase;
    }
}
