using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace EvalFramework.Collector.OpenApi;

/// <summary>
/// What an answer means in this API, where the endpoint's metadata gave only the status's reason phrase ("Bad Request"):
/// one text per status, as the handlers answer it.
/// </summary>
internal sealed class ApiResponseDescriptions : IOpenApiOperationTransformer
{
    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [StatusCodes.Status200OK] = "The answer.",
        [StatusCodes.Status400BadRequest] = "Not accepted: `errors` names each field at fault and what is wrong, never echoing the value sent.",
        [StatusCodes.Status404NotFound] = "Not found; `detail` names what.",
        [StatusCodes.Status409Conflict] = "Conflicts with what is stored; `detail` says how.",
        [StatusCodes.Status413PayloadTooLarge] = "The body is over the endpoint's limit; nothing was read.",
        [StatusCodes.Status415UnsupportedMediaType] = "`Content-Type` is not `application/json`.",
        [StatusCodes.Status503ServiceUnavailable] = "Storage unavailable: nothing of the request was stored; retry after `Retry-After` with the same event ids.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (key, response) in operation.Responses ?? [])
        {
            if (int.TryParse(key, System.Globalization.CultureInfo.InvariantCulture, out var status) && response is OpenApiResponse answer
                && answer.Description == ReasonPhrases.GetReasonPhrase(status) && Descriptions.TryGetValue(status, out var description))
            {
                answer.Description = description;
            }
        }

        return Task.CompletedTask;
    }
}
