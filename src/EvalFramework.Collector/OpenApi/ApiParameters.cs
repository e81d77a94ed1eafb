using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EvalFramework.Collector.OpenApi;

/// <summary>
/// The parameters' descriptions, one per name for the whole API (a pilot is a pilot everywhere), whether the handler
/// requires it, and the type of a numeric one: the handlers take every query parameter as an optional string and
/// answer a missing or malformed one with a 400 naming it, which the route metadata cannot say (it declares them all as
/// strings).
/// </summary>
internal sealed class ApiParameters : IOpenApiOperationTransformer
{
    private const string DateOrTime = "a date (yyyy-MM-dd) or an RFC 3339 time with an offset, e.g. 2025-03-01 or 2025-03-01T00:00:00+01:00";

    private static readonly Dictionary<string, (string Description, bool Required)> Query = new(StringComparer.Ordinal)
    {
        ["pilot"] = ("The pilot's slug, `[a-z0-9][a-z0-9-]{0,62}`.", true),
        ["caseType"] = ("Only cases of this case type (slug).", false),
        ["arm"] = ("Only cases of this arm (slug).", false),
        ["from"] = ("Only cases started at or after this: " + DateOrTime + ".", false),
        ["to"] = ("Only cases started before this: " + DateOrTime + ".", false),
        ["cursor"] = ("The `nextCursor` of the previous page.", false),
        ["limit"] = ("Cases per page, an integer from 1 to 1000 (default 100).", false),
        ["format"] = ("`json` (default): the stored snapshot; `csv`: long CSV, one row per case type, arm and metric.", false),
        ["lang"] = ("`sv` or `en`; else the best of `Accept-Language`, else Swedish.", false),
    };

    /// <summary>The query parameters the handlers parse as integers: their bounds and default.</summary>
    private static readonly Dictionary<string, (int Minimum, int Maximum, int Default)> Integers = new(StringComparer.Ordinal)
    {
        ["limit"] = (1, 1000, 100),
    };

    private static readonly Dictionary<string, string> PathParameters = new(StringComparer.Ordinal)
    {
        ["id"] = "The snapshot's id.",
        ["pilot"] = "The pilot's slug, `[a-z0-9][a-z0-9-]{0,62}`.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.In == ParameterLocation.Query && parameter.Name is { } name && Query.TryGetValue(name, out var query))
            {
                parameter.Description ??= query.Description;
                parameter.Required |= query.Required;
                if (Integers.TryGetValue(name, out var integer))
                {
                    parameter.Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Integer,
                        Format = "int32",
                        Minimum = integer.Minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Maximum = integer.Maximum.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Default = integer.Default,
                    };
                }
            }
            else if (parameter.In == ParameterLocation.Path && parameter.Name is { } segment && PathParameters.TryGetValue(segment, out var path))
            {
                parameter.Description ??= path;
            }
        }

        return Task.CompletedTask;
    }
}
