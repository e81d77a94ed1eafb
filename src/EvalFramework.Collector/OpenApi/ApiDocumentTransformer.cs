using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EvalFramework.Collector.OpenApi;

/// <summary>
/// The document's frame: title and description, the tags, the <c>Snapshot</c> schema (<see cref="SnapshotSchema"/>),
/// and <c>/metrics</c>, which its own exporter maps outside the endpoint descriptions.
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    private static readonly (string Name, string Description)[] Tags =
    [
        ("Ingest", "Events from a pilot's service, wire contract v1."),
        ("Cases", "The case rows, for evaluators."),
        ("Snapshots", "Immutable snapshots of a pilot's period: metrics, intervals and comparisons."),
        ("Plans", "A pilot's registered (frozen) analysis plan."),
        ("Privacy", "Retention: deleting a pilot's raw data before a date."),
        ("Reports", "Report pages for people, and the snapshot they show as JSON or CSV."),
        ("Operations", "Health, readiness and metrics."),
        ("Pages", "The landing page and this API's reference page."),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "EvalFramework collector",
            Version = "v1",
            Description = "Records the cases of AI pilots in public services, AI-assisted and manual, and compares the arms with confidence intervals. "
                + "Every error is `application/problem+json`; a 400 names the fields in `errors`. API keys are sent as `Authorization: Bearer <key>` "
                + "(or as the password of HTTP Basic authentication); each key holds rights (ingest, read, admin) for its pilots.",
        };
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[SnapshotSchema.Name] = SnapshotSchema.Create();

        document.Paths ??= [];
        if (!document.Paths.ContainsKey("/metrics"))
        {
            document.Paths["/metrics"] = Metrics(document);
        }

        return Task.CompletedTask;
    }

    private static OpenApiPathItem Metrics(OpenApiDocument document) => new()
    {
        Operations = new Dictionary<HttpMethod, OpenApiOperation>
        {
            [HttpMethod.Get] = new()
            {
                OperationId = "GetMetrics",
                Summary = "Prometheus metrics",
                Description = "The collector's series for Prometheus to scrape: OpenMetrics 1.0 (`application/openmetrics-text; version=1.0.0`) when "
                    + "`Accept` asks for it, as Prometheus does, else the Prometheus text format (`text/plain; version=0.0.4`). **Authorization:** an API key with the `read` right "
                    + "(its pilots' series and those without a pilot label), or none when `Metrics:RequireKey` is false.",
                Tags = new HashSet<OpenApiTagReference> { new("Operations", document) },
                Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeySecurityTransformer.Bearer, document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeySecurityTransformer.Basic, document)] = [] },
                    new OpenApiSecurityRequirement(),
                ],
                Responses = new OpenApiResponses
                {
                    ["200"] = new OpenApiResponse
                    {
                        Description = "The scrape, in the format `Accept` asks for.",
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Prometheus text format 0.0.4." } },
                            ["application/openmetrics-text"] = new()
                            {
                                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "OpenMetrics 1.0.0 text, ending in `# EOF`." },
                            },
                        },
                    },
                    ["401"] = ApiKeySecurityTransformer.Problem(document, "No API key, or one that is not configured, while `Metrics:RequireKey` is true."),
                    ["403"] = ApiKeySecurityTransformer.Problem(document, "The key has no `read` right."),
                },
            },
        },
    };
}
