using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using EvalFramework.Collector.Tests.Infrastructure;

namespace EvalFramework.Collector.Tests;

/// <summary>
/// Size limits hold on the bytes read, with or without <c>Content-Length</c>, and keys are checked before a body is
/// read: real Kestrel, chunked bodies. Over-limit bodies are a few times the limit (not megabytes), so the client
/// finishes sending into the socket buffers and reads the answer before the server closes the connection.
/// </summary>
public sealed class BodyLimitTests : IClassFixture<KestrelCollectorFactory>
{
    private readonly KestrelCollectorFactory _collector;

    public BodyLimitTests(KestrelCollectorFactory collector) => _collector = collector;

    [Fact]
    public async Task PostEvents_ChunkedBodyOverOneMebibyte_413AndNothingStored()
    {
        using var client = _collector.SocketClientWith(_collector.WriterKey);
        var before = _collector.Count("events");
        var body = new GeneratedBody("{\"events\": [" + Events.Started("chunked-" + Events.Token()).ToJsonString(), 2 * 1024 * 1024, "]}");

        using var response = await PostChunkedAsync(client, "/api/v1/events", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("1 MiB", (await response.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, _collector.Count("events"));
    }

    [Fact]
    public async Task CreateSnapshot_ChunkedBodyOverTheLimit_413()
    {
        using var client = _collector.SocketClientWith(_collector.WriterKey);
        var body = new GeneratedBody("{\"pilot\": \"pilot-a\", \"from\": \"2024-01-01\", \"to\": \"2024-01-02\"", 256 * 1024, "}");

        using var response = await PostChunkedAsync(client, "/api/v1/snapshots", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("16384 bytes", (await response.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        
    }

    [Fact]
    public async Task Purge_ChunkedBodyOverTheLimit_413()
    {
        using var client = _collector.SocketClientWith(_collector.WriterKey);
        var body = new GeneratedBody("{\"pilot\": \"pilot-a\", \"before\": \"2000-01-01\"", 256 * 1024, "}");

        using var response = await PostChunkedAsync(client, "/api/v1/purge", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("16384 bytes", (await response.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
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

    private static async Task<HttpResponseMessage> PostChunkedAsync(HttpClient client, string path, GeneratedBody body)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        return await client.SendAsync(request);
    }
}
