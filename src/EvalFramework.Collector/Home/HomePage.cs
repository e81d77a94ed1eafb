using System.Net;
using System.Text;
using EvalFramework.Collector.Configuration;
using EvalFramework.Collector.Metrics;
using EvalFramework.Collector.OpenApi;
using EvalFramework.Evaluation;
using Microsoft.Extensions.Options;

namespace EvalFramework.Collector.Home;

/// <summary>
/// <c>/</c>: what a person who opens the collector in a browser needs first: what runs (methodology, config), each
/// pilot's newest report, and the collector's other doors (health, readiness, metrics, the API and its reference page). Anonymous: it shows
/// only what the config names (pilot slugs and display names), never data.
/// </summary>
internal static class HomePage
{
    public static IEndpointRouteBuilder MapHomePage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (EvaluationSettings settings, IOptions<MetricsOptions> metrics) =>
                TypedResults.Content(Render(settings, metrics.Value.RequireKey), "text/html; charset=utf-8"))
            .AllowAnonymous()
            .WithName("GetHome")
            .WithTags("Pages")
            .WithSummary("The landing page")
            .WithDescription("What runs (methodology, config), each pilot's newest report, and the collector's other endpoints.")
            .Produces<string>(StatusCodes.Status200OK, "text/html");
        return app;
    }

    /// <summary>The page: pilots from the config with links to their newest reports, then the endpoints.</summary>
    /// <param name="settings">The evaluation config the collector runs with, if any.</param>
    /// <param name="metricsNeedKey">Whether <c>/metrics</c> asks for a key.</param>
    public static string Render(EvaluationSettings? settings, bool metricsNeedKey)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>EvalFramework collector</title>\n")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1f2328}")
            .Append("code{background:#f6f8fa;padding:0 .2em}li{margin:.2rem 0}</style>\n</head>\n<body>\n")
            .Append("<h1>EvalFramework collector</h1>\n")
            .Append("<p>It records the cases of AI pilots in public services, AI-assisted and manual, and compares the arms with ")
            .Append("confidence intervals. Methodology ").Append(E(Methodology.Version));
        if (settings?.Config is { } config)
        {
            html.Append(", config sha256 <code>").Append(E(config.Methodology.ConfigSha256[..12])).Append("…</code>");
        }

        html.Append(".</p>\n<h2>Reports</h2>\n");
        var pilots = settings?.Config?.Pilots ?? [];
        if (pilots.Count == 0)
        {
            html.Append("<p>No pilot is configured (<code>Evaluation:ConfigPath</code>).</p>\n");
        }
        else
        {
            html.Append("<ul class=\"pilots\">\n");
            foreach (var pilot in pilots.OrderBy(p => p.Slug, StringComparer.Ordinal))
            {
                html.Append("<li><a href=\"/reports/latest?pilot=").Append(E(pilot.Slug)).Append("\">").Append(E(pilot.DisplayName))
                    .Append("</a>: the report of the snapshot whose period ends last (<code>").Append(E(pilot.Slug)).Append("</code>; a key with the read right, unless the pilot's reports are public)</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("<h2>Endpoints</h2>\n<ul class=\"endpoints\">\n")
            .Append("<li><a href=\"/healthz\">/healthz</a>: the process answers</li>\n")
            .Append("<li><a href=\"/readyz\">/readyz</a>: the database and the writer are ready</li>\n")
            .Append("<li><a href=\"/metrics\">/metrics</a>: Prometheus metrics")
            .Append(metricsNeedKey ? " (a key with the read right)" : "").Append("</li>\n")
            .Append("<li><code>POST /api/v1/events</code>: events from a pilot's service (a key with the ingest right)</li>\n")
            .Append("<li><code>POST /v1/traces</code>: OpenTelemetry GenAI spans over OTLP/HTTP, stored as AI usage of their case (the ingest right)</li>\n")
            .Append("<li><code>GET /api/v1/cases</code>, <code>/api/v1/snapshots</code>, <code>/api/v1/plans</code>: cases, snapshots and analysis plans</li>\n")
            .Append("<li><a href=\"").Append(ApiReference.PagePath).Append("\">").Append(ApiReference.PagePath).Append("</a>: the API reference (every endpoint, its rights, bodies, answers and examples); ")
            .Append("the OpenAPI document for client generators: <a href=\"").Append(ApiReference.DocumentPath).Append("\">").Append(ApiReference.DocumentPath).Append("</a></li>\n")
            .Append("</ul>\n<p>The documentation is in the repository: <code>README.md</code> and <code>docs/</code>.</p>\n</body>\n</html>\n");
        return html.ToString();
    }
}
