using Microsoft.AspNetCore.OpenApi;

namespace EvalFramework.Collector.OpenApi;

/// <summary>
/// <c>/openapi/v1.json</c>, the OpenAPI document, and <c>/api</c>, its reference page for people. Both anonymous:
/// they describe the endpoints and their rules (nothing the config does not already say), never data.
/// </summary>
internal static class ApiReference
{
    /// <summary>The document's name, in its path <c>/openapi/v1.json</c>.</summary>
    public const string DocumentName = "v1";

    /// <summary>Where the document is served.</summary>
    public const string DocumentPath = "/openapi/" + DocumentName + ".json";

    /// <summary>Where the reference page is served.</summary>
    public const string PagePath = "/api";

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapGet(PagePath, async (HttpContext http, [FromKeyedServices(DocumentName)] IOpenApiDocumentProvider documents, CancellationToken cancellationToken) =>
            {
                var document = await documents.GetOpenApiDocumentAsync(cancellationToken);
                http.Response.Headers.ContentSecurityPolicy = ApiReferencePage.ContentSecurityPolicy;
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return TypedResults.Content(ApiReferencePage.Render(document), "text/html; charset=utf-8");
            })
            .AllowAnonymous()
            .WithName("GetApiReference")
            .WithTags("Pages")
            .WithSummary("This API's reference page")
            .WithDescription("The OpenAPI document (" + DocumentPath + ") as one HTML page: every operation, its authorization, parameters, bodies, answers and examples, then the schemas.")
            .Produces<string>(StatusCodes.Status200OK, "text/html");
        return app;
    }
}
