using Microsoft.OpenApi;

namespace EvalFramework.Collector.OpenApi;

/// <summary>
/// The body and answers of <c>POST /v1/traces</c>, which its handler reads and writes itself (the OTLP/HTTP encodings,
/// protobuf or JSON): declaring the body with <c>Accepts</c> would let routing refuse other content types before the
/// handler, so the document learns them here instead.
/// </summary>
internal static class OtlpTracesOperation
{
    private const string Protobuf = "application/x-protobuf";

    private const string Json = "application/json";

    /// <summary>
    /// The request body (an <c>ExportTraceServiceRequest</c> as protobuf or as OTLP JSON), the 200 (an
    /// <c>ExportTraceServiceResponse</c> in the request's encoding), what the 415 refuses, and the 503 of an export
    /// stored in part.
    /// </summary>
    public static RouteHandlerBuilder DescribesOtlpTraces(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer((operation, context, cancellationToken) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "An OTLP `ExportTraceServiceRequest`, at most 16 MiB before and after decompression and at most "
                    + $"{Otlp.OtlpRequestBody.MaxSpans} spans (413 beyond either); `Content-Encoding` may be `gzip` or `deflate`.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [Protobuf] = new() { Schema = Binary("The protobuf encoding (`opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest`).") },
                    [Json] = new() { Schema = Request() },
                },
            };
            operation.Responses ??= [];
            operation.Responses["200"] = new OpenApiResponse
            {
                Description = "Read: an `ExportTraceServiceResponse` in the request's encoding, empty (`{}`) when every span was stored or ignored, "
                    + "else with `partialSuccess` counting and naming the refused spans.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [Protobuf] = new() { Schema = Binary("The protobuf encoding: no bytes on full success.") },
                    [Json] = new() { Schema = Response() },
                },
            };
            if (operation.Responses.TryGetValue("415", out var unsupported) && unsupported is OpenApiResponse answer)
            {
                answer.Description = "`Content-Type` is neither `application/x-protobuf` nor `application/json`, or `Content-Encoding` is not "
                    + "`gzip`, `deflate` or none (`identity`); nothing was read.";
            }

            if (operation.Responses.TryGetValue("503", out var unavailable) && unavailable is OpenApiResponse storage)
            {
                storage.Description = "Storage unavailable: not all of the export was stored; send it again after `Retry-After`, "
                    + "spans already stored are not stored twice.";
            }

            return Task.CompletedTask;
        });

    private static OpenApiSchema Binary(string description) => new() { Type = JsonSchemaType.String, Format = "binary", Description = description };

    /// <summary>The OTLP JSON request in brief: resources, their scopes and spans, each open to the fields OTLP defines.</summary>
    private static OpenApiSchema Request() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "The OTLP JSON encoding of `ExportTraceServiceRequest` (lowerCamelCase fields, ids as hex, int64 as strings).",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["resourceSpans"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "Per resource: `resource` (its attributes) and `scopeSpans`, each with `scope` and `spans`.",
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["resource"] = new OpenApiSchema { Type = JsonSchemaType.Object },
                        ["scopeSpans"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Array,
                            Items = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Object,
                                Properties = new Dictionary<string, IOpenApiSchema>
                                {
                                    ["scope"] = new OpenApiSchema { Type = JsonSchemaType.Object },
                                    ["spans"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.Object } },
                                },
                            },
                        },
                    },
                },
            },
        },
    };

    /// <summary>The OTLP JSON answer: <c>{}</c>, or <c>partialSuccess</c> with the count (int64, so a string in OTLP JSON) and the refusals.</summary>
    private static OpenApiSchema Response() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "The OTLP JSON encoding of `ExportTraceServiceResponse`.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["partialSuccess"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Present when spans were refused.",
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["rejectedSpans"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String | JsonSchemaType.Integer,
                        Pattern = "^[0-9]+$",
                        Description = "How many spans were refused: an int64, which OTLP JSON writes as a decimal string.",
                    },
                    ["errorMessage"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Description = "Each refused span and field at fault, never the value; at most 4096 characters, a long list cut short.",
                    },
                },
            },
        },
    };
}
