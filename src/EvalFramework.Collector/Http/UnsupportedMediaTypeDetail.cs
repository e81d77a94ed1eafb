namespace EvalFramework.Collector.Http;

/// <summary>
/// The detail of a 415 that routing answers before any handler runs: an endpoint that declares its JSON body with
/// <c>Accepts&lt;T&gt;("application/json")</c> (for the OpenAPI document) is matched only for that content type, and the
/// problem the status-code pages write for the others would otherwise not say which header is at fault.
/// </summary>
internal static class UnsupportedMediaTypeDetail
{
    public const string Json = "Content-Type: must be application/json.";

    /// <summary>Fills in <see cref="Json"/> where a 415 problem has no detail of its own.</summary>
    public static void Fill(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType && context.ProblemDetails.Detail is null)
        {
            context.ProblemDetails.Detail = Json;
        }
    }
}
