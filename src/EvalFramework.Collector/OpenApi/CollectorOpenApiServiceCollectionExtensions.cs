using EvalFramework.Collector.OpenApi;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the collector's OpenAPI document (<c>/openapi/v1.json</c>) and what completes it.</summary>
internal static class CollectorOpenApiServiceCollectionExtensions
{
    /// <summary>
    /// The document <see cref="ApiReference.DocumentName"/>: the endpoints' own metadata (summaries, tags, typed
    /// results, <c>Produces</c>), then the API key schemes and the 401/403/429 answers every guarded endpoint can give
    /// (<see cref="ApiKeySecurityTransformer"/>), the parameters' and answers' descriptions (<see cref="ApiParameters"/>,
    /// <see cref="ApiResponseDescriptions"/>), the wire types' details (<see cref="WireSchemaTransformer"/>), the
    /// examples (<see cref="ApiExamples"/>), and the title, tags, snapshot schema and <c>/metrics</c>
    /// (<see cref="ApiDocumentTransformer"/>).
    /// </summary>
    public static IServiceCollection AddCollectorOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(ApiReference.DocumentName, options =>
        {
            options.AddSchemaTransformer<WireSchemaTransformer>();
            options.AddOperationTransformer<ApiKeySecurityTransformer>();
            options.AddOperationTransformer<ApiParameters>();
            options.AddOperationTransformer<ApiResponseDescriptions>();
            options.AddOperationTransformer<ApiExamples>();
            options.AddDocumentTransformer<ApiKeySecurityTransformer>();
            options.AddDocumentTransformer<ApiDocumentTransformer>();
        });
        return services;
    }
}
