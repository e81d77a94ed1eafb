using System.Text;
using System.Text.Json;
using EvalFramework.Collector.Auth;
using EvalFramework.Collector.Metrics;
using EvalFramework.Collector.OpenApi;
using EvalFramework.Collector.Privacy;
using EvalFramework.Collector.Storage;
using EvalFramework.Contract;

namespace EvalFramework.Collector.Otlp;

/// <summary>
/// <c>POST /v1/traces</c> (ingest right, for every pilot of the export): OTLP/HTTP trace ingest. Each GenAI span of a
/// case becomes an <c>ai.usage</c> event, checked by the rules of <c>POST /api/v1/events</c> (the contract, the pilot's
/// vocabulary, pseudonymous case ids) and stored by the same durable writer before the answer leaves. Spans that are no
/// AI call of a case are counted and ignored; refused spans are named in <c>partial_success</c>.
/// </summary>
internal static class OtlpTracesApi
{
    /// <summary>What each wire field is called on a span, for refusals the exporter's log shows.</summary>
    private static readonly Dictionary<string, string> AttributeOf = new(StringComparer.Ordinal)
    {
        ["id"] = "traceId/spanId",
        ["time"] = "endTimeUnixNano",
        ["pilot"] = OtlpAttributes.Pilot,
        ["caseId"] = OtlpAttributes.CaseId,
        ["model"] = "gen_ai.response.model/gen_ai.request.model",
        ["inputTokens"] = OtlpAttributes.InputTokens[0],
        ["outputTokens"] = OtlpAttributes.OutputTokens[0],
        ["durationMs"] = "startTimeUnixNano/endTimeUnixNano",
    };

    public static IEndpointRouteBuilder MapOtlpTracesApi(this IEndpointRouteBuilder app)
    {
        var metrics = app.ServiceProvider.GetRequiredService<OtlpMetrics>();
        app.MapPost("/v1/traces", (HttpContext http, IngestWriter writer, PilotVocabulary vocabulary, CollectorMetrics collector, TimeProvider time,
                CancellationToken cancellationToken) => PostTraces(http, writer, vocabulary, collector, metrics, time, cancellationToken))
            .WithName("PostOtlpTraces")
            .WithTags("OpenTelemetry")
            .WithSummary("OTLP/HTTP trace export: GenAI spans of a case become ai.usage events")
            .WithDescription("An ExportTraceServiceRequest as application/x-protobuf or application/json (gzip or deflate allowed). "
                + "Spans with gen_ai.* attributes, evalframework.case_id and evalframework.pilot become ai.usage events; other spans are "
                + "ignored. The answer is an ExportTraceServiceResponse in the request's encoding, with partial_success naming refused spans.")
            .Produces(StatusCodes.Status200OK, contentType: OtlpResponse.ProtobufType, additionalContentTypes: [OtlpResponse.JsonType])
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .DescribesOtlpTraces()
            .RequireAuthorization(ApiPolicies.Ingest)
            .RequireRateLimiting(RateLimitingServiceCollectionExtensions.PerKeyPolicy);
        return app;
    }

    private static async Task<IResult> PostTraces(HttpContext http, IngestWriter writer, PilotVocabulary vocabulary, CollectorMetrics collector,
        OtlpMetrics metrics, TimeProvider time, CancellationToken cancellationToken)
    {
        if (OtlpRequestBody.IsProtobuf(http.Request) is not { } protobuf)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Content-Type: must be application/x-protobuf or application/json (OTLP/HTTP).");
        }

        var (spans, refusal) = await OtlpRequestBody.ReadAsync(http.Request, protobuf, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var mappings = spans!.ConvertAll(OtlpSpanMapper.Map);

        // Rights first, as for /api/v1/events: an export that writes where the key may not is refused whole.
        foreach (var pilot in mappings.Select(m => m.Event?.Pilot).Where(p => p is not null && EventValidator.IsPilotSlug(p)).Distinct())
        {
            if (await http.RefusePilotAsync(ApiRights.Ingest, pilot!, OtlpAttributes.Pilot) is { } refused)
            {
                return refused;
            }
        }

        var now = time.GetUtcNow();
        var accepted = new List<PendingEvent>();
        var rejected = new List<string>();
        for (var i = 0; i < mappings.Count; i++)
        {
            var mapping = mappings[i];
            if (mapping.Ignored is { } reason)
            {
                metrics.Ignored(reason);
                continue;
            }

            var (e, errors) = Check(mapping, vocabulary, now);
            if (errors is not null)
            {
                collector.EventsRejected.Add(1, new KeyValuePair<string, object?>("reason", IngestMetricsFilter.ReasonOf(errors)));
                rejected.Add(spans[i].Path + " " + string.Join(", ", errors.Select(Describe)));
                continue;
            }

            accepted.Add(new PendingEvent(e!, JsonSerializer.Serialize(e, ContractJsonContext.Default.WireEvent)));
        }

        try
        {
            // The contract's batch size per write; a resent export finds the chunks already stored as duplicates.
            foreach (var chunk in accepted.Chunk(EventBatch.MaxEvents))
            {
                await writer.WriteAsync(chunk, http.User.KeyName(), cancellationToken);
            }
        }
        catch (StorageUnavailableException ex)
        {
            http.Response.Headers.RetryAfter = "1";
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage unavailable",
                detail: $"Not all of this export was stored ({ex.Message}); retry it: spans already stored are not stored twice.");
        }

        var message = rejected.Count == 0 ? null : Message(rejected);
        return protobuf
            ? TypedResults.Bytes(OtlpResponse.Protobuf(rejected.Count, message), OtlpResponse.ProtobufType)
            : TypedResults.Bytes(OtlpResponse.Json(rejected.Count, message), OtlpResponse.JsonType);
    }

    /// <summary>
    /// The event and its refusals by the contract and the pilot's vocabulary. A response model the vocabulary does not
    /// know (often a dated version, <c>gpt-4o-2024-08-06</c>) gives way to the request's model when that one is known.
    /// </summary>
    private static (WireEvent? Event, List<EventError>? Errors) Check(OtlpSpanMapping mapping, PilotVocabulary vocabulary, DateTimeOffset now)
    {
        if (mapping.Event is not { } e)
        {
            return (null, mapping.Errors);
        }

        var errors = Checked(e, mapping, vocabulary, now);
        if (errors is not null && mapping.RequestModel is { } requestModel && errors.Any(x => x.Field == WireFields.Model.Name))
        {
            var responseModel = e.Model;
            e.Model = requestModel;
            var retried = Checked(e, mapping, vocabulary, now);
            if (retried is not null && retried.Any(x => x.Field == WireFields.Model.Name))
            {
                e.Model = responseModel;
                return (e, errors);
            }

            errors = retried;
        }

        return (e, errors);
    }

    /// <summary>
    /// The contract's refusals of the event and the mapper's of the span. Where the mapper refused a field (an attribute
    /// of the wrong type, no end time) the contract's refusal of the same field is left out: it would only say the field
    /// is missing, in the words of a JSON event.
    /// </summary>
    private static List<EventError>? Checked(WireEvent e, OtlpSpanMapping mapping, PilotVocabulary vocabulary, DateTimeOffset now)
    {
        var errors = EventValidator.Check(e, now);
        if (mapping.Errors is { } found)
        {
            errors?.RemoveAll(error => found.Exists(f => f.Field == error.Field));
            (errors ??= []).AddRange(found);
        }

        return vocabulary.Check(e, errors);
    }

    /// <summary>A refusal naming the wire field and the span's attribute; never the value.</summary>
    private static string Describe(EventError error) =>
        AttributeOf.TryGetValue(error.Field, out var attribute) ? $"{error.Field} ({attribute}): {error.Message}" : error.ToString();

    /// <summary>
    /// The <c>error_message</c> of <c>partial_success</c>: the count, then each refusal as long as they fit in
    /// <see cref="OtlpResponse.MaxMessageLength"/>, then how many more. A first refusal too long alone is cut, not left out.
    /// </summary>
    internal static string Message(List<string> rejected)
    {
        const int Room = OtlpResponse.MaxMessageLength - 16; // "; and 99999 more" fits in the rest
        var text = new StringBuilder().Append(rejected.Count).Append(rejected.Count == 1 ? " span" : " spans").Append(" rejected: ");
        for (var i = 0; i < rejected.Count; i++)
        {
            var next = (i == 0 ? "" : "; ") + rejected[i];
            if (text.Length + next.Length > Room && i == 0)
            {
                // Cut the first refusal so the message still names a span, not between the halves of a surrogate pair.
                var cut = Room - 3 - text.Length;
                if (char.IsHighSurrogate(next[cut - 1]))
                {
                    cut--;
                }

                text.Append(next.AsSpan(0, cut)).Append("...");
                continue;
            }

            if (text.Length + next.Length > Room)
            {
                text.Append("; and ").Append(rejected.Count - i).Append(" more");
                break;
            }

            text.Append(next);
        }

        return text.ToString();
    }
}
