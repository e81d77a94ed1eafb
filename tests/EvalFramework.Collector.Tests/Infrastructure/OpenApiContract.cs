extern alias JsonEverything;

using System.Text.Json;
using System.Text.Json.Nodes;
using JsonEverything::Json.Schema;

namespace EvalFramework.Collector.Tests.Infrastructure;

/// <summary>
/// The collector's OpenAPI document as a client reads it (<c>/openapi/v1.json</c>), and a validator of real answers
/// against it: the schema an operation declares for a status and media type is evaluated by JsonSchema.Net (JSON
/// Schema 2020-12, the dialect of OpenAPI 3.1), with the document's <c>#/components/schemas</c> as <c>$defs</c> so
/// its references resolve.
/// </summary>
public sealed class OpenApiContract
{
    private const string ComponentsPrefix = "\"#/components/schemas/";

    private readonly JsonObject _components;

    private OpenApiContract(JsonObject document)
    {
        Document = document;
        _components = document["components"]?["schemas"]?.AsObject() ?? [];
    }

    /// <summary>The document as served.</summary>
    public JsonObject Document { get; }

    public static async Task<OpenApiContract> LoadAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return new OpenApiContract(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    /// <summary>The operation <paramref name="method"/> <paramref name="path"/> (a path template of the document).</summary>
    public JsonObject Operation(string method, string path) =>
        Document["paths"]?[path]?[method.ToLowerInvariant()]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"the document has no {method} {path}");

    /// <summary>Every operation: method, path template and the operation object.</summary>
    public IEnumerable<(string Method, string Path, JsonObject Operation)> Operations() =>
        from path in Document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select (operation.Key.ToUpperInvariant(), path.Key, operation.Value!.AsObject());

    /// <summary>
    /// Checks a real answer against the document: its status is declared for the operation, its media type is one the
    /// status declares, and a JSON body meets that media type's schema. Returns what is wrong (nothing when it conforms).
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckAsync(HttpResponseMessage response, string method, string path)
    {
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var where = $"{method} {path} {status}";
        if (Operation(method, path)["responses"]?[status] is not JsonObject declared)
        {
            return [$"{where}: the document declares no answer {status}"];
        }

        var body = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (declared["content"] is not JsonObject content)
        {
            return body.Length == 0 ? [] : [$"{where}: a body ({mediaType}) where the document declares none"];
        }

        if (mediaType is null || content[mediaType] is not JsonObject media)
        {
            return [$"{where}: media type {mediaType ?? "(none)"}, the document declares {string.Join(", ", content.Select(c => c.Key))}"];
        }

        if (!mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            return [];
        }

        using var instance = JsonDocument.Parse(body);
        return Validate(media["schema"]!, instance.RootElement).Select(e => $"{where}: {e}").ToList();
    }

    /// <summary>What is wrong with <paramref name="instance"/> under <paramref name="schema"/> (a schema of the document).</summary>
    public IReadOnlyList<string> Validate(JsonNode schema, JsonElement instance)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = _components.DeepClone(),
        };
        foreach (var (key, value) in schema.AsObject())
        {
            root[key] = value?.DeepClone();
        }

        var text = root.ToJsonString().Replace(ComponentsPrefix, "\"#/$defs/", StringComparison.Ordinal);
        var built = JsonSchema.FromText(text, baseUri: new Uri("https://openapi.test/" + Guid.NewGuid().ToString("N")));
        var results = built.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? []).Prepend(results)
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.SchemaLocation}): {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["not valid"];
    }
}
