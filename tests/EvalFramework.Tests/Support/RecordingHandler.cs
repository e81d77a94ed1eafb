using System.Net;
using System.Text;
using System.Text.Json;
using EvalFramework.Contract;

namespace EvalFramework.Tests.Support;

/// <summary>
/// A stand-in collector: records every request, stores events deduplicated by id (as the collector does) and answers
/// 200 with an <see cref="IngestResponse"/>, unless a hook says otherwise.
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _storedIds = [];
    private readonly List<WireEvent> _stored = [];
    private readonly List<RecordedRequest> _requests = [];

    /// <summary>The clock whose timestamp each request is recorded with; the system's by default.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Runs before answering request n (zero-based), e.g. to block.</summary>
    public Func<int, CancellationToken, Task>? BeforeAnswer { get; set; }

    /// <summary>Whether request n stores its events; all do by default.</summary>
    public Func<int, bool> Stores { get; set; } = _ => true;

    /// <summary>An answer to give to request n instead of the normal 200, or null for the normal one.</summary>
    public Func<int, HttpResponseMessage?>? Override { get; set; }

    public IReadOnlyList<WireEvent> Stored
    {
        get
        {
            lock (_lock)
            {
                return [.. _stored];
            }
        }
    }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        var batch = JsonSerializer.Deserialize(body, ContractJsonContext.Default.EventBatch)!;
        int index;
        lock (_lock)
        {
            index = _requests.Count;
            _requests.Add(new RecordedRequest(
                request.Method,
                request.RequestUri,
                request.Headers.Authorization?.ToString(),
                request.Content.Headers.ContentType?.MediaType,
                body,
                batch.Events ?? [],
                Clock.GetTimestamp()));
        }

        if (BeforeAnswer is not null)
        {
            await BeforeAnswer(index, cancellationToken);
        }

        var answer = new IngestResponse();
        if (Stores(index))
        {
            lock (_lock)
            {
                foreach (var e in batch.Events ?? [])
                {
                    if (_storedIds.Add(e.Id!))
                    {
                        _stored.Add(e);
                        answer.Accepted++;
                    }
                    else
                    {
                        answer.Duplicates++;
                    }
                }
            }
        }

        var replacement = Override?.Invoke(index);
        if (replacement is not null)
        {
            return replacement;
        }

        return Json(HttpStatusCode.OK, JsonSerializer.Serialize(answer, ContractJsonContext.Default.IngestResponse));
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json, string mediaType = "application/json") =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, mediaType) };
}
