using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Collector.Configuration;

/// <summary>
/// The evaluation config the collector runs with (<c>Evaluation:ConfigPath</c>, default
/// <c>metrics-config/evaluation.yaml</c>), validated at start: an invalid file stops the collector with every
/// problem listed. Without a file (the default path absent) the collector starts but knows no pilot, so it accepts
/// no events (every pilot's vocabulary comes from the config: see <c>Privacy/PilotVocabulary</c>).
/// </summary>
internal sealed record EvaluationSettings(EvaluationConfig? Config, string? Path)
{
    public const string ConfigPathKey = "Evaluation:ConfigPath";
    public const string DefaultPath = "metrics-config/evaluation.yaml";

    /// <summary>Loads the configured file; on errors writes each to <paramref name="errors"/> and returns null.</summary>
    public static EvaluationSettings? Load(IConfiguration configuration, TextWriter errors)
    {
        var configured = configuration[ConfigPathKey];
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured;
        if (configured is null && !File.Exists(path))
        {
            return new EvaluationSettings(null, null);
        }

        ConfigLoadResult result;
        try
        {
            var overrides = EvaluationConfigLoader.OverridesFrom(Environment.GetEnvironmentVariables());
            result = EvaluationConfigLoader.Parse(File.ReadAllText(path), path, overrides);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            result = ConfigLoadResult.Unreadable(path, e.Message);
        }

        if (result.IsValid)
        {
            return new EvaluationSettings(result.Config, path);
        }

        errors.WriteLine($"The evaluation config {path} is not valid ({result.Errors.Count} problem(s)); the collector does not start:");
        foreach (var error in result.Errors)
        {
            errors.WriteLine("  " + error);
        }

        return null;
    }
}
