using System.Buffers;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using EvalFramework.Contract;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EvalFramework.Collector.Http;

/// <summary>Reads a request body into a pooled buffer, refusing to read past a limit.</summary>
internal static class BodyReader
{
    /// <summary>
    /// The body's <c>pilot</c> when it is a pilot slug; otherwise an error under <c>pilot</c> in <paramref name="errors"/>
    /// and an empty string.
    /// </summary>
    public static string Pilot(string? pilot, Dictionary<string, string[]> errors)
    {
        if (pilot is not null && EventValidator.IsPilotSlug(pilot))
        {
            return pilot;
        }

        errors["pilot"] = ["required, a pilot slug ([a-z0-9][a-z0-9-]{0,62})"];
        return "";
    }

    /// <summary>
    /// A small JSON body of at most <paramref name="limit"/> bytes, read and deserialised; else the answer to give: 413
    /// when it is longer; 400 naming the field when a known field has the wrong JSON type; 400 naming <c>body</c> with
    /// <paramref name="shape"/> when it is not JSON of that shape or has a key the shape does not list. The parser's
    /// message is not passed on (it may quote the input), nor is a key the client made up.
    /// </summary>
    public static async Task<(T? Value, ProblemHttpResult? TooLarge, ValidationProblem? NotJson)> ReadJsonAsync<T>(HttpRequest request, int limit, JsonTypeInfo<T> type,
        string shape, string title, CancellationToken cancellationToken)
    {
        if (await ReadAsync(request, limit, cancellationToken) is not var (buffer, length))
        {
            return (default, TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large",
                detail: $"body: at most {limit} bytes."), null);
        }

        try
        {
            return (JsonSerializer.Deserialize(buffer.AsSpan(0, length), type), null, null);
        }
        catch (JsonException e)
        {
            var errors = KnownField(e.Path, type) is { } field
                ? new Dictionary<string, string[]> { [field] = ["has the wrong JSON type: the body must be a JSON object " + shape + " of strings"] }
                : new Dictionary<string, string[]> { ["body"] = ["must be a JSON object " + shape + ", and nothing else"] };
            return (default, null, TypedResults.ValidationProblem(errors, title: title));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    /// <summary>The field a parser error is at, when it is a top-level property of the body type (a name of ours, safe to echo).</summary>
    private static string? KnownField(string? path, JsonTypeInfo type) =>
        path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal)
            ? type.Properties.FirstOrDefault(p => p.Name == path[2..])?.Name
            : null;

    /// <summary>
    /// The request's body, or null when it is longer than <paramref name="limit"/>: by its <c>Content-Length</c>, before
    /// a byte is read, or by the bytes read, so a chunked body is held to the same limit. The server's own body limit is
    /// lowered to it too, and its refusal read as "too long". Return the array to the pool.
    /// </summary>
    public static async Task<(byte[] Buffer, int Length)?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            serverLimit.MaxRequestBodySize = limit;
        }

        try
        {
            return await ReadAsync(request.Body, limit, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
    }

    /// <summary>The 415 problem for a <c>Content-Encoding</c> that <see cref="ContentEncoding"/> does not read.</summary>
    public static ProblemHttpResult UnsupportedEncoding() => TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported media type", detail: "Content-Encoding: must be gzip, deflate or none.");

    /// <summary>
    /// The request's <c>Content-Encoding</c> when the body can be read in it: <c>""</c> for none (or <c>identity</c>),
    /// <c>gzip</c> or <c>deflate</c> (zlib); null for any other.
    /// </summary>
    public static string? ContentEncoding(HttpRequest request) =>
        request.Headers.ContentEncoding.ToString().Trim().ToLowerInvariant() switch
        {
            "" or "identity" => "",
            "gzip" => "gzip",
            "deflate" => "deflate",
            _ => null,
        };

    /// <summary>
    /// The request's body decompressed by <paramref name="encoding"/> (from <see cref="ContentEncoding"/>), or null when it
    /// is longer than <paramref name="limit"/> before or after decompression: decompression stops at the limit, so a small
    /// body that would inflate to gigabytes is refused after <paramref name="limit"/> + 1 bytes. Return the array to the
    /// pool, cleared (<c>clearArray: true</c>): it held the body.
    /// </summary>
    /// <exception cref="InvalidDataException">The body is not valid data of that encoding.</exception>
    public static async Task<(byte[] Buffer, int Length)?> ReadDecompressedAsync(HttpRequest request, string encoding, int limit,
        CancellationToken cancellationToken)
    {
        if (await ReadAsync(request, limit, cancellationToken) is not var (raw, rawLength))
        {
            return null;
        }

        if (encoding is not ("gzip" or "deflate"))
        {
            return (raw, rawLength);
        }

        try
        {
            using var compressed = new MemoryStream(raw, 0, rawLength, writable: false);
            using Stream decompressor = encoding == "gzip"
                ? new GZipStream(compressed, CompressionMode.Decompress)
                : new ZLibStream(compressed, CompressionMode.Decompress);
            return await ReadAsync(decompressor, limit, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw, clearArray: true);
        }
    }

    /// <summary>
    /// The body, or null when it is longer than <paramref name="limit"/>: no more than <paramref name="limit"/> + 1 bytes
    /// are ever read from <paramref name="body"/> (so a decompressing stream inflates no further), and the array may be
    /// larger than what was read. Return the array to the pool; arrays returned here are cleared, as they held the body.
    /// </summary>
    public static async Task<(byte[] Buffer, int Length)?> ReadAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, 64 * 1024));
        var length = 0;
        try
        {
            while (true)
            {
                // Never past limit + 1: the one byte more is how a body longer than the limit is told apart.
                var room = Math.Min(buffer.Length, limit + 1);
                if (length == room)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                    buffer = larger;
                    room = Math.Min(buffer.Length, limit + 1);
                }

                var read = await body.ReadAsync(buffer.AsMemory(length, room - length), cancellationToken);
                length += read;
                if (length > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                    return null;
                }

                if (read == 0)
                {
                    return (buffer, length);
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
            throw;
        }
    }
}
