using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using EvalFramework.Contract;
using Microsoft.Extensions.Logging;

namespace EvalFramework.Sending;

/// <summary>
/// Posts serialized batches to the collector and says how each attempt ended. A delivered or refused body is counted
/// here (the per-event rejections of a 200 too); a transient failure is left to the caller, which retries with the
/// same body, so the same event ids (the collector deduplicates).
/// <para>
/// Transient is everything but a 4xx answer (other than 408 and 429): 5xx and other answers, and every exception of a
/// send (network errors, timeouts, and whatever a handler in the HttpClient pipeline throws, such as Polly's
/// <c>TimeoutRejectedException</c> or <c>BrokenCircuitException</c>), except the cancellation of the sender's own
/// shutdown. Only a 4xx answer, or the per-event rejections of a 200, refuses events.
/// </para>
/// </summary>
internal sealed class BatchTransport(
    Func<HttpClient> httpClient,
    SenderSettings settings,
    TimeProvider timeProvider,
    DeliveryLedger ledger,
    ILogger logger)
{
    private const int MaxProblemChars = 2000;

    /// <summary>The wait before the next attempt after <paramref name="failures"/> transient failures in a row (zero for the first retry).</summary>
    public TimeSpan RetryDelay(SendAttempt result, int failures) =>
        result.RetryAfter ?? RetryDelays.Backoff(failures, settings.MaxRetryDelay, Random.Shared.NextDouble());

    /// <summary>Sends one body until it is delivered or refused, waiting out transient failures in memory.</summary>
    public async Task SendWithRetryAsync(PendingBody body, CancellationToken token)
    {
        for (var attempt = 0; ; attempt++)
        {
            var result = await SendOnceAsync(body.Body, body.Count, token).ConfigureAwait(false);
            if (!result.ShouldRetry)
            {
                return;
            }

            var delay = RetryDelay(result, attempt);
            Log.RetryScheduled(logger, body.Count, result.Reason ?? "unknown", attempt + 2, (long)delay.TotalMilliseconds, result.Exception);
            await Task.Delay(delay, timeProvider, token).ConfigureAwait(false);
            ledger.Retried();
        }
    }

    /// <summary>One attempt; a delivered or refused body is counted here, a transient failure is left to the caller.</summary>
    public async Task<SendAttempt> SendOnceAsync(byte[] body, int count, CancellationToken token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Endpoint);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        using var timeout = new CancellationTokenSource(settings.RequestTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, timeout.Token);
        try
        {
            using var response = await httpClient().SendAsync(request, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                await AccountAnswerAsync(response, count, linked.Token).ConfigureAwait(false);
                return SendAttempt.Done;
            }

            if (status is < 400 or >= 500 or 408 or 429)
            {
                var retryAfter = RetryDelays.FromRetryAfter(response.Headers.RetryAfter, timeProvider.GetUtcNow(), settings.MaxRetryDelay);
                return SendAttempt.Retry(string.Create(CultureInfo.InvariantCulture, $"HTTP {status}"), retryAfter);
            }

            var problem = await ReadProblemAsync(response, linked.Token).ConfigureAwait(false);
            Log.BatchRefused(logger, count, status, problem);
            ledger.Rejected(count);
            return SendAttempt.Done;
        }
        catch (HttpRequestException exception)
        {
            return SendAttempt.Retry("network error", exception: exception);
        }
        catch (OperationCanceledException exception) when (!token.IsCancellationRequested)
        {
            return SendAttempt.Retry("timeout", exception: exception);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Whatever a handler in the client's pipeline throws (a resilience handler's TimeoutRejectedException or
            // BrokenCircuitException, a broken response body): the collector may be fine a moment later.
            return SendAttempt.Retry(exception.GetType().Name, exception: exception);
        }
    }

    private static async Task<string> ReadProblemAsync(HttpResponseMessage response, CancellationToken token)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(token).ConfigureAwait(false);
            return text.Length > MaxProblemChars ? text[..MaxProblemChars] + "…" : text;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or InvalidOperationException)
        {
            return "(no readable body)";
        }
    }

    private async Task AccountAnswerAsync(HttpResponseMessage response, int count, CancellationToken token)
    {
        IngestResponse? answer = null;
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
            answer = JsonSerializer.Deserialize(bytes, ContractJsonContext.Default.IngestResponse);
        }
        catch (JsonException exception)
        {
            Log.UnreadableResponse(logger, (int)response.StatusCode, exception);
        }

        if (answer is null)
        {
            ledger.Sent(count);
            return;
        }

        var rejected = answer.Rejected ?? [];
        foreach (var item in rejected)
        {
            Log.EventRejected(logger, item.Index, item.Id, string.Join("; ", item.Errors ?? []));
        }

        ledger.Sent(answer.Accepted + answer.Duplicates);
        ledger.Rejected(rejected.Count);
    }
}
