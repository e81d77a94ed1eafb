namespace EvalFramework.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A fact that needs Prometheus 2.x and promtool on PATH (Debian package <c>prometheus</c>; <c>.ci/run</c> installs it).
/// xunit 2 has no skip at run time, so the attribute skips with a clear reason when, and only when, they are missing.
/// </summary>
public sealed class PrometheusFactAttribute : FactAttribute
{
    public PrometheusFactAttribute()
    {
        if (PrometheusServer.Executable("prometheus") is null || PrometheusServer.Executable("promtool") is null)
        {
            Skip = "prometheus/promtool not installed: apt-get install -y prometheus (.ci/run does this)";
        }
    }
}
