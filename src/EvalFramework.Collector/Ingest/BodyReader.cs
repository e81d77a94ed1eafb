using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace EvalFramework.Collector.Ingest;

/// <summary>Reads a request body into a pooled buffer, refusing to read past a limit.</summary>
internal static class BodyReader
{
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

    /// <summary>The body, or null when it is longer than <paramref name="limit"/>. Return the array to the pool.</summary>
    public static async Task<(byte[] Buffer, int Length)?> ReadAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, 64 * 1024));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length > limit)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return null;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    if (length > limit)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return null;
                    }

                    return (buffer, length);
                }

                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
