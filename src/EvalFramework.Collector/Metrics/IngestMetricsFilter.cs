using EvalFramework.Contract;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EvalFramework.Collector.Metrics;

/// <summary>
/// Counts ingest requests by result and rejected events by reason, from the answer <c>POST /api/v1/events</c>
/// gives, so the handler itself stays free of metrics code. Stored events are counted by the writer, not here.
/// </summary>
internal sealed class IngestMetricsFilter(CollectorMetrics metrics) : IEndpointFilter
{
    private const string Stored = "stored";
    private const string PartiallyRejected = "partially_rejected";
    private const string Rejected = "rejected";
    private const string Malformed = "malformed";
    private const string Forbidden = "forbidden";
    private const string TooLarge = "too_large";
    private const string UnsupportedMediaType = "unsupported_media_type";
    private const string StorageUnavailable = "storage_unavailable";

    /// <summary>Reasons are the offending field of the wire contract; anything else is <c>_OTHER</c>.</summary>
    internal static readonly LabelSet Reasons = new(
        ["event", "id", "type", "time", "pilot", "caseId", "attributes", .. WireFields.All.Select(f => f.Name)]);

    /// <summary>The <c>result</c> label values of ingest requests (besides <c>_OTHER</c>).</summary>
    internal static readonly LabelSet Results =
        new([Stored, PartiallyRejected, Rejected, Malformed, Forbidden, TooLarge, UnsupportedMediaType, StorageUnavailable]);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        var (outcome, rejected) = inner switch
        {
            Ok<IngestResponse> ok => (ok.Value!.Rejected.Count > 0 ? PartiallyRejected : Stored, ok.Value.Rejected),
            ValidationProblem invalid when invalid.ProblemDetails.Extensions.TryGetValue("rejected", out var r) && r is List<RejectedEvent> list
                => (Rejected, list),
            ValidationProblem => (Malformed, null),
            ProblemHttpResult { StatusCode: StatusCodes.Status403Forbidden } => (Forbidden, null),
            ProblemHttpResult { StatusCode: StatusCodes.Status413PayloadTooLarge } => (TooLarge, null),
            ProblemHttpResult { StatusCode: StatusCodes.Status415UnsupportedMediaType } => (UnsupportedMediaType, null),
            ProblemHttpResult { StatusCode: StatusCodes.Status503ServiceUnavailable } => (StorageUnavailable, null),
            _ => (LabelSet.Other, (List<RejectedEvent>?)null),
        };

        metrics.IngestBatches.Add(1, new KeyValuePair<string, object?>("result", outcome));
        foreach (var e in rejected ?? [])
        {
            metrics.EventsRejected.Add(1, new KeyValuePair<string, object?>("reason", ReasonOf(e.Details)));
        }

        return result;
    }

    /// <summary>The field of the first error (caseId; attributes.x → attributes).</summary>
    internal static string ReasonOf(IReadOnlyList<EventError> errors)
    {
        if (errors.Count == 0)
        {
            return LabelSet.Other;
        }

        var field = errors[0].Field.AsSpan();
        var end = field.IndexOfAny(".[");
        return Reasons.Map((end < 0 ? field : field[..end]).ToString());
    }
}
