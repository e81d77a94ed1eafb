using System.Net.Http.Headers;

namespace EvalFramework.Collector.Tests.Infrastructure;

/// <summary>
/// A <see cref="CollectorFactory"/> on real Kestrel (a free loopback port): what the test server does not have,
/// request body limits and chunked transfer over a socket, is Kestrel's.
/// </summary>
public sealed class KestrelCollectorFactory : CollectorFactory
{
    private Uri? _address;

    public KestrelCollectorFactory() => UseKestrel();

    /// <summary>Where the server listens (started on first use).</summary>
    public Uri Address => _address ??= StartKestrel();

    /// <summary>A client over loopback HTTP/1.1 that sends the key as <c>Bearer</c>.</summary>
    public HttpClient SocketClientWith(string key)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string> { ["urls"] = "http://127.0.0.1:0" };
}
