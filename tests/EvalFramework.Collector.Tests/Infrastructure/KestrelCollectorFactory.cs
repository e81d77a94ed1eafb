using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

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
    public Uri Address
    {
        get
        {
            if (_address is null)
            {
                StartServer();
                _address = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            }

            return _address;
        }
    }

    /// <summary>A client over loopback HTTP/1.1 that sends the key as <c>Bearer</c>.</summary>
    public HttpClient SocketClientWith(string key)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    protected override IReadOnlyDictionary<string, string> ExtraSettings { get; } = new Dictionary<string, string> { ["urls"] = "http://127.0.0.1:0" };
}
