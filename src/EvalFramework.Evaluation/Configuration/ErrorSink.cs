using YamlDotNet.RepresentationModel;

namespace EvalFramework.Evaluation.Configuration;

/// <summary>
/// Collects configuration errors, locating each at its YAML node: the file and line, or the environment variable
/// that put the node there.
/// </summary>
internal sealed class ErrorSink
{
    private readonly string _file;
    private readonly Dictionary<YamlNode, string> _origins = new(ReferenceEqualityComparer.Instance);
    private readonly List<ConfigError> _errors = [];

    public ErrorSink(string file) => _file = file;

    public string File => _file;

    public int Count => _errors.Count;

    /// <summary>Records that <paramref name="node"/> was set by environment variable <paramref name="variable"/>.</summary>
    public void MarkFromEnvironment(YamlNode node, string variable) => _origins[node] = variable;

    /// <summary>Adds an error about <paramref name="node"/> (its line, or its environment variable).</summary>
    public void At(YamlNode node, string key, string message)
    {
        if (_origins.TryGetValue(node, out var variable))
        {
            _errors.Add(new ConfigError("env:" + variable, 0, key, message));
        }
        else
        {
            _errors.Add(new ConfigError(_file, LineOf(node), key, message));
        }
    }

    /// <summary>Adds an error with an explicit location.</summary>
    public void Add(ConfigError error) => _errors.Add(error);

    /// <summary>Every error: file errors by line, then environment variable errors.</summary>
    public IReadOnlyList<ConfigError> Sorted() =>
        [.. _errors.OrderBy(e => e.File == _file ? 0 : 1).ThenBy(e => e.Line)];

    public static int LineOf(YamlNode node) => (int)Math.Clamp(node.Start.Line, 1, int.MaxValue);
}
