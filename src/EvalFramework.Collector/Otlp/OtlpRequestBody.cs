using System.Buffers;
using EvalFramework.Collector.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace EvalFramework.Collector.Otlp;

/// <summary>
/// Reads the body of <c>POST /v1/traces</c>: its encoding from <c>Content-Type</c> (<c>application/x-protobuf</c> or
/// <c>application/json</c>), decompressed by <c>Content-Encoding</c> (<c>gzip</c>, which the OpenTelemetry exporters
/// send when compression is on, or <c>deflate</c>), held to <see cref="MaxBytes"/> before and after decompression, and
/// decoded into spans, at most <see cref="MaxSpans"/> of them. Every refusal is the answer to give.
/// </summary>
internal static class OtlpRequestBody
{
    /// <summary>The most bytes of one export, compressed or not: 16 MiB (the exporters' batches of 512 spans are far below it).</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>
    /// The most spans of one export: 10,000 (the exporters send batches of 512). An export of more is refused whole as
    /// soon as the reader comes to one more, so a small compressed body of millions of empty spans costs no more than this many.
    /// </summary>
    public const int MaxSpans = 10_000;

    /// <summary>Whether the request's media type is protobuf (true), JSON (false), or neither (null).</summary>
    public static bool? IsProtobuf(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
        {
            return null;
        }

        return type.MediaType.Equals(OtlpResponse.ProtobufType, StringComparison.OrdinalIgnoreCase) ? true
            : type.MediaType.Equals(OtlpResponse.JsonType, StringComparison.OrdinalIgnoreCase) ? false
            : null;
    }

    /// <summary>
    /// The spans of the request, or the refusal: 413 for too many bytes or spans, 415 for an unknown encoding, 400 naming
    /// what could not be read. The pooled buffer is cleared when returned: the body may hold prompts.
    /// </summary>
    public static async Task<(List<OtlpSpan>? Spans, IResult? Refusal)> ReadAsync(HttpRequest request, bool protobuf, CancellationToken cancellationToken)
    {
        if (BodyReader.ContentEncoding(request) is not { } encoding)
        {
            return (null, BodyReader.UnsupportedEncoding());
        }

        (byte[] Buffer, int Length)? body;
        try
        {
            body = await BodyReader.ReadDecompressedAsync(request, encoding, MaxBytes, cancellationToken);
        }
        catch (InvalidDataException)
        {
            return (null, Malformed("body", $"not valid {encoding} data (Content-Encoding: {encoding})"));
        }

        if (body is not var (buffer, length))
        {
            return (null, TooLarge());
        }

        try
        {
            var spans = protobuf ? OtlpProtobufReader.Read(buffer, length) : OtlpJsonReader.Read(buffer.AsMemory(0, length));
            return (spans, null);
        }
        catch (OtlpFormatException e)
        {
            return (null, Malformed(e.Field, e.Message));
        }
        catch (OtlpTooManySpansException)
        {
            return (null, TooManySpans());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Payload too large", detail: "body: at most 16 MiB (16777216 bytes) per export, compressed and uncompressed; export smaller batches.");

    private static ProblemHttpResult TooManySpans() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Payload too large", detail: $"resourceSpans: at most {MaxSpans} spans per export; export smaller batches.");

    private static ValidationProblem Malformed(string field, string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [message] },
        title: "The request was not accepted",
        detail: "The body could not be read as an OTLP ExportTraceServiceRequest; nothing was stored.");
}
