using System.Collections;
using YamlDotNet.RepresentationModel;

namespace EvalFramework.Evaluation.Configuration;

/// <summary>
/// Loads and validates <c>evaluation.yaml</c>, applying <c>EVALFW__</c> environment variable overrides, and
/// reports every problem at once with file, line and key. The only I/O of this assembly: reading the file
/// (<see cref="Load"/>) and the process environment (<see cref="ProcessEnvironment"/>).
/// </summary>
/// <remarks>
/// Override scheme: <c>EVALFW__</c> followed by the key path with <c>__</c> between keys and list indexes, e.g.
/// <c>EVALFW__confidenceLevel=0.9</c> or <c>EVALFW__pilots__0__staffRoles__handlaggare__hourlyCostSek=700</c>.
/// Overrides are applied before validation, so a bad value is reported like any other error, located at
/// <c>env:VARIABLE</c>; they are part of the config hash.
/// </remarks>
public static class EvaluationConfigLoader
{
    /// <summary>The prefix of environment variables that override config values.</summary>
    public const string EnvironmentPrefix = EnvironmentOverrides.Prefix;

    /// <summary>Reads and validates a config file.</summary>
    /// <param name="path">The file; errors name it as given.</param>
    /// <param name="environment">Environment variables (only <c>EVALFW__</c> ones are used); <see langword="null"/> for none.</param>
    /// <returns>The config, or every error found.</returns>
    public static ConfigLoadResult Load(string path, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new ConfigLoadResult(null, [new ConfigError(path, 0, "(file)", "cannot read the file: " + e.Message)]);
        }

        return Parse(yaml, path, environment);
    }

    /// <summary>Parses and validates config text.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">The name errors use for the text.</param>
    /// <param name="environment">Environment variables (only <c>EVALFW__</c> ones are used); <see langword="null"/> for none.</param>
    /// <returns>The config, or every error found.</returns>
    public static ConfigLoadResult Parse(string yaml, string fileName, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        var errors = new ErrorSink(fileName);
        if (SingleYamlDocument.Load(yaml, fileName, out var document) is { } invalid)
        {
            return new ConfigLoadResult(null, [invalid]);
        }

        var root = document ?? new YamlMappingNode();
        if (root is YamlMappingNode mapping && environment is not null)
        {
            EnvironmentOverrides.Apply(mapping, environment, errors);
        }

        var config = new ConfigReader(errors).Read(root);
        if (config is null || errors.Count > 0)
        {
            return new ConfigLoadResult(null, errors.Sorted());
        }

        config = config with { Methodology = new MethodologyInfo(Methodology.Version, ConfigHasher.Sha256(config)) };
        return new ConfigLoadResult(config, []);
    }

    /// <summary>The <c>EVALFW__</c> variables of the current process, for <see cref="Load"/> at start-up.</summary>
    /// <returns>The override variables by name.</returns>
    public static IReadOnlyDictionary<string, string> ProcessEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && name.StartsWith(EnvironmentPrefix, StringComparison.Ordinal) && entry.Value is string value)
            {
                result[name] = value;
            }
        }

        return result;
    }
}
