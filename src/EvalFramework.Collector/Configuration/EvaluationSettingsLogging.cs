using EvalFramework.Collector.Auth;
using Microsoft.Extensions.Options;

namespace EvalFramework.Collector.Configuration;

/// <summary>Says at start which evaluation config the collector runs with, and which key names a pilot it does not describe.</summary>
internal static class EvaluationSettingsLogging
{
    public static void LogEvaluationSettings(this WebApplication app, EvaluationSettings evaluation)
    {
        if (evaluation.Config is { } config)
        {
            app.Logger.LogInformation("Evaluation config {Path}: methodology {Version}, sha256 {Sha256}",
                evaluation.Path, config.Methodology.Version, config.Methodology.ConfigSha256);
            foreach (var key in app.Services.GetRequiredService<IOptions<ApiKeyOptions>>().Value.Keys)
            {
                foreach (var pilot in key.Pilots.Where(p => p != "*" && config.FindPilot(p) is null))
                {
                    app.Logger.LogWarning(
                        "API key {Key} names pilot {Pilot}, which the evaluation config does not describe: no event of that pilot is accepted",
                        key.Name, pilot);
                }
            }
        }
        else
        {
            app.Logger.LogWarning(
                "No evaluation config ({Key} unset and {Default} absent): the collector knows no pilot and so accepts no events",
                EvaluationSettings.ConfigPathKey, EvaluationSettings.DefaultPath);
        }
    }
}
