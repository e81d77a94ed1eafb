using System.Buffers;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using EvalFramework.Collector.Http;
using EvalFramework.Collector.Tests.Infrastructure;

namespace EvalFramework.Collector.Tests;

/// <summary>
/// Size limits hold on the bytes read, with or without <c>Content-Length</c>, and keys are checked before a body is
/// read: real Kestrel, chunked bodies. Over-limit bodies are written on a raw socket that stops writing once the limit
/// is crossed and then reads the answer, so the test never races the server closing the connection.
/// </summary>
public sealed class BodyLimitTests : IClassFixture<KestrelCollectorFactory>
{
    private readonly KestrelCollectorFactory _collector;

    public BodyLimitTests(KestrelCollectorFactory collector) => _collector = collector;

    [Fact]
    public async Task PostEvents_ChunkedBodyOverOneMebibyte_413AndNothingStored()
    {
        var before = _collector.Count("events");

        var (head, body) = await PostChunkedOverLimitAsync("/api/v1/events",
            "{\"events\": [" + Events.Started("chunked-" + Events.Token()).ToJsonString(), 1024 * 1024);

        Assert.StartsWith("HTTP/1.1 413 ", head, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", head, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("1 MiB", body, StringComparison.Ordinal);
        Assert.Equal(before, _collector.Count("events"));
    }

    [Fact]
    public async Task CreateSnapshot_ChunkedBodyOverTheLimit_413()
    {
        var (head, body) = await PostChunkedOverLimitAsync("/api/v1/snapshots",
            "{\"pilot\": \"pilot-a\", \"from\": \"2024-01-01\", \"to\": \"2024-01-02\"", 16 * 1024);

        Assert.StartsWith("HTTP/1.1 413 ", head, StringComparison.Ordinal);
        Assert.Contains("16384 bytes", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_ChunkedBodyOverTheLimit_413()
    {
        var (head, body) = await PostChunkedOverLimitAsync("/api/v1/purge", "{\"pilot\": \"pilot-a\", \"before\": \"2000-01-01\"", 16 * 1024);

        Assert.StartsWith("HTTP/1.1 413 ", head, StringComparison.Ordinal);
        Assert.Contains("16384 bytes", body, StringComparison.Ordinal);
    }

    /// <summary>
    /// Sends a chunked body (the prefix, then spaces) that crosses <paramref name="limit"/> only in its last write, sends
    /// nothing after it and reads the answer. (HttpClient keeps writing a body while the server answers 413 and closes,
    /// and then fails with a broken pipe instead of giving the answer.)
    /// </summary>
    private async Task<(string Head, string Body)> PostChunkedOverLimitAsync(string path, string prefix, int limit)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_collector.Address.Host, _collector.Address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST {path} HTTP/1.1\r\nHost: collector\r\n"
            + $"Authorization: Bearer {_collector.WriterKey}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
        static byte[] Chunk(string text) => Encoding.ASCII.GetBytes($"{text.Length:x}\r\n{text}\r\n");
        await stream.WriteAsync(Chunk(prefix));
        for (var sent = prefix.Length; sent < limit - 100; sent += 4096)
        {
            await stream.WriteAsync(Chunk(new string(' ', Math.Min(4096, limit - 100 - sent))));
        }

        await stream.WriteAsync(Chunk(new string(' ', 200)));

        var answer = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(20))) > 0)
        {
            answer.Write(buffer, 0, read);
            var text = Encoding.UTF8.GetString(answer.ToArray());
            if (text.IndexOf("\r\n\r\n", StringComparison.Ordinal) is var end and >= 0 && text.EndsWith('}'))
            {
                return (text[..end], text[(end + 4)..]);
            }
        }

        var all = Encoding.UTF8.GetString(answer.ToArray());
        var split = all.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return split < 0 ? (all, "") : (all[..split], all[(split + 4)..]);
    }

    [Fact]
    public async Task CreateSnapshot_ChunkedBodyWithinTheLimit_201()
    {
        using var client = _collector.SocketClientWith(_collector.WriterKey);
        var body = new GeneratedBody("{\"pilot\": \"pilot-a\", \"from\": \"2024-01-01\", \"to\": \"2024-01-02\"", 10_000, "}");

        using var response = await PostChunkedAsync(client, "/api/v1/snapshots", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/purge", "{\"pilot\": \"pilot-a\", \"before\": \"2000-01-01\"")]
    [InlineData("/api/v1/snapshots", "{\"pilot\": \"pilot-a\", \"from\": \"2024-01-01\", \"to\": \"2024-01-02\"")]
    public async Task AdminEndpoint_NoKeyWhileTheBodyIsStillComing_401BeforeTheBodyIsRead(string path, string firstChunk)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_collector.Address.Host, _collector.Address.Port);
        var stream = tcp.GetStream();
        // A chunked body of which only the first chunk is sent: a collector that reads the body first waits for the rest.
        var head = $"POST {path} HTTP/1.1\r\nHost: collector\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + $"{Encoding.UTF8.GetByteCount(firstChunk):x}\r\n{firstChunk}\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        var answer = new byte[512];
        var read = await stream.ReadAsync(answer).AsTask().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.StartsWith("HTTP/1.1 401 ", Encoding.ASCII.GetString(answer, 0, read), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadBody_GzipBomb_DecompressesNoMoreThanTheLimitPlusOneByte()
    {
        const int Limit = 1_000_000; // not a power of two: the pool's arrays are
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(new byte[8 * 1024 * 1024]);
        }

        compressed.Position = 0;
        using var inflated = new CountingStream(new GZipStream(compressed, CompressionMode.Decompress));

        Assert.Null(await BodyReader.ReadAsync(inflated, Limit, CancellationToken.None));
        Assert.Equal(Limit + 1, inflated.BytesRead);
    }

    [Theory]
    [InlineData(999_999)]
    [InlineData(1_000_000)]
    public async Task ReadBody_UpToTheLimit_ReadWhole(int length)
    {
        using var body = new CountingStream(new MemoryStream(new byte[length]));

        var read = await BodyReader.ReadAsync(body, 1_000_000, CancellationToken.None);

        Assert.Equal(length, read?.Length);
        ArrayPool<byte>.Shared.Return(read!.Value.Buffer, clearArray: true);
    }

    [Fact]
    public async Task ReadBody_OverTheLimit_ThePooledArrayIsClearedBeforeItIsReturned()
    {
        // A refused body may hold prompts: the next renter of the array must not find them.
        Assert.Null(await BodyReader.ReadAsync(new MemoryStream(Enumerable.Repeat((byte)'P', 100).ToArray()), 10, CancellationToken.None));

        var next = ArrayPool<byte>.Shared.Rent(11);
        try
        {
            Assert.DoesNotContain((byte)'P', next);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(next);
        }
    }

    private static async Task<HttpResponseMessage> PostChunkedAsync(HttpClient client, string path, GeneratedBody body)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        return await client.SendAsync(request);
    }

    /// <summary>Reads through to another stream, counting the bytes it gave.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Counted(await inner.ReadAsync(buffer, cancellationToken));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Counted(int read)
        {
            BytesRead += read;
            return read;
        }
    }
}
