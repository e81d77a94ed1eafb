using System.Collections;
using YamlDotNet.RepresentationModel;

namespace EvalFramework.Evaluation.Configuration;

/// <summary>
/// Loads and validates <c>evaluation.yaml</c>, applying <c>EVALFW__</c> environment variable overrides, and
/// reports every problem at once with file, line and key. It reads no file and no environment: the apps read the file
/// and pass its text (<see cref="Parse"/>) with the process's overrides (<see cref="OverridesFrom"/>), so this
/// assembly does no I/O at all.
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

    /// <summary>
    /// The <c>EVALFW__</c> overrides among environment variables, for <see cref="Parse"/>: the caller passes the
    /// process environment (<c>Environment.GetEnvironmentVariables()</c>), so this assembly reads none itself.
    /// </summary>
    /// <param name="variables">Environment variables by name.</param>
    /// <returns>The override variables by name.</returns>
    public static IReadOnlyDictionary<string, string> OverridesFrom(IDictionary variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in variables)
        {
            if (entry.Key is string name && name.StartsWith(EnvironmentPrefix, StringComparison.Ordinal) && entry.Value is string value)
            {
                result[name] = value;
            }
        }

        return result;
    }
}
