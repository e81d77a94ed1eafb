using System.Buffers;
using System.Text.Json;
using EvalFramework.Collector.Auth;
using EvalFramework.Collector.Http;
using EvalFramework.Collector.Metrics;
using EvalFramework.Collector.Privacy;
using EvalFramework.Collector.Storage;
using EvalFramework.Contract;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EvalFramework.Collector.Ingest;

/// <summary><c>POST /api/v1/events</c> (ingest right, for every pilot of the batch): wire contract v1 ingest.</summary>
internal static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/events", PostEvents).WithName("PostEvents").RequireAuthorization(ApiPolicies.Ingest).AddEndpointFilter<IngestMetricsFilter>()
            .WithTags("Ingest")
            .WithSummary("Record a batch of events")
            .WithDescription("At most 1000 events and 1 MiB (1048576 bytes), also after decompression (Content-Encoding gzip or deflate). Each event is checked on its own: the valid ones are stored, the others "
                + "come back in `rejected` with their index and the fields at fault. An `id` already stored counts as a duplicate and is not stored "
                + "again, so a batch can be retried as it is. A batch of which no event is valid is a 400 carrying `rejected` too. Pilots, case types, "
                + "arms and attribute keys must be in the collector's evaluation config.")
            .Accepts<EventBatch>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    private static async Task<Results<Ok<IngestResponse>, ProblemHttpResult, ValidationProblem>> PostEvents(
        HttpContext http, IngestWriter writer, PilotVocabulary vocabulary, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!http.Request.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: UnsupportedMediaTypeDetail.Json);
        }

        if (BodyReader.ContentEncoding(http.Request) is not { } encoding)
        {
            return BodyReader.UnsupportedEncoding();
        }

        (byte[] Buffer, int Length)? body;
        try
        {
            body = await BodyReader.ReadDecompressedAsync(http.Request, encoding, EventBatch.MaxBytes, cancellationToken);
        }
        catch (InvalidDataException)
        {
            return Invalid(new Dictionary<string, string[]> { ["body"] = [$"not valid {encoding} data (Content-Encoding: {encoding})"] }, rejected: null);
        }

        if (body is not var (buffer, length))
        {
            return TooLarge();
        }

        ParsedBatch parsed;
        try
        {
            parsed = BatchParser.Parse(buffer.AsMemory(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }

        if (parsed.BodyError is { } bodyError)
        {
            return Invalid(new Dictionary<string, string[]> { [bodyError.Field] = [bodyError.Message] }, rejected: null);
        }

        var now = time.GetUtcNow();
        string? allowedPilot = null;
        var response = new IngestResponse();
        var accepted = new List<PendingEvent>(parsed.Events.Length);
        var acceptedIndexes = new List<int>(parsed.Events.Length);
        for (var i = 0; i < parsed.Events.Length; i++)
        {
            var e = parsed.Events[i];
            if (e?.Pilot is { } pilot && pilot != allowedPilot && EventValidator.IsPilotSlug(pilot))
            {
                // Rights first: a batch that writes where the key may not is refused whole, nothing of it is stored, and
                // the answer says nothing of that pilot's vocabulary (or whether the config describes it at all).
                if (await http.RefusePilotAsync(ApiRights.Ingest, pilot, $"events[{i}].pilot") is { } refused)
                {
                    return refused;
                }

                allowedPilot = pilot;
            }

            var errors = parsed.Errors[i]
                ?? (e is null ? [new("event", EventErrorCodes.Invalid, "could not be read")] : vocabulary.Check(e, EventValidator.Check(e, now)));
            if (errors is not null)
            {
                response.Rejected.Add(new RejectedEvent
                {
                    Index = i, Id = EchoableId(e?.Id ?? parsed.RawIds?[i]), Errors = errors.ConvertAll(error => error.ToString()), Details = errors,
                });
                continue;
            }

            accepted.Add(new PendingEvent(e!, JsonSerializer.Serialize(e, ContractJsonContext.Default.WireEvent)));
            acceptedIndexes.Add(i);
        }

        if (accepted.Count == 0)
        {
            var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var rejected in response.Rejected)
            {
                foreach (var error in rejected.Details)
                {
                    var field = $"events[{rejected.Index}].{error.Field}";
                    fields[field] = fields.TryGetValue(field, out var existing) ? [.. existing, error.Message] : [error.Message];
                }
            }

            return Invalid(fields, response.Rejected);
        }

        bool[] stored;
        try
        {
            stored = await writer.WriteAsync(accepted, http.User.KeyName(), cancellationToken);
        }
        catch (StorageUnavailableException ex)
        {
            http.Response.Headers.RetryAfter = "1";
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage unavailable",
                detail: $"Nothing of this batch was stored ({ex.Message}); retry with the same event ids.");
        }

        foreach (var isNew in stored)
        {
            if (isNew)
            {
                response.Accepted++;
            }
            else
            {
                response.Duplicates++;
            }
        }

        return TypedResults.Ok(response);
    }

    /// <summary>The event's id for the answer, unless it is malformed or itself looks like a personal identifier.</summary>
    private static string? EchoableId(string? id) =>
        id is not null && EventValidator.IsEventId(id) && IdentifierGuard.Find(id) is null ? id : null;

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large",
        detail: "body: at most 1 MiB (1048576 bytes) per request, compressed and uncompressed; split the batch.");

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors, List<RejectedEvent>? rejected) =>
        TypedResults.ValidationProblem(
            errors,
            title: "The request was not accepted",
            detail: rejected is null ? "The body could not be read as a batch of events." : "Every event in the batch was rejected; nothing was stored.",
            extensions: rejected is null ? null : new Dictionary<string, object?> { ["rejected"] = rejected });
}
