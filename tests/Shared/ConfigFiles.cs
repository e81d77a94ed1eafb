using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Testing;

/// <summary>Reads an evaluation config file for a test, as the apps do: the file's text through <see cref="EvaluationConfigLoader.Parse"/>.</summary>
internal static class ConfigFiles
{
    public static ConfigLoadResult Load(string path, IReadOnlyDictionary<string, string>? environment = null) =>
        EvaluationConfigLoader.Parse(File.ReadAllText(path), path, environment);
}
