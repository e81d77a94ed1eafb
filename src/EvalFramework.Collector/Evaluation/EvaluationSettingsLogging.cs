namespace EvalFramework.Collector.Evaluation;

/// <summary>Says at start which evaluation config the collector runs with.</summary>
internal static class EvaluationSettingsLogging
{
    public static void LogEvaluationSettings(this WebApplication app, EvaluationSettings evaluation)
    {
        if (evaluation.Config is { } config)
        {
            app.Logger.LogInformation("Evaluation config {Path}: methodology {Version}, sha256 {Sha256}",
                evaluation.Path, config.Methodology.Version, config.Methodology.ConfigSha256);
        }
        else
        {
            app.Logger.LogWarning(
                "No evaluation config ({Key} unset and {Default} absent): the collector knows no pilot and so accepts no events",
                EvaluationSettings.ConfigPathKey, EvaluationSettings.DefaultPath);
        }
    }
}
