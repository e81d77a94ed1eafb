using EvalFramework.Collector.Tests.Infrastructure;

namespace EvalFramework.Collector.Tests.Otlp;

/// <summary>
/// A collector on real Kestrel (a free loopback port) with a SQLite file and the repository's evaluation config: pilot
/// <c>demo</c>, which takes pseudonymous case ids only, as a pilot in production does. The OTLP exporter reaches it
/// over a socket, as it would reach a deployed collector.
/// </summary>
public sealed class OtlpKestrelCollector : SnapshotCollectorFactory
{
    private Uri? _address;

    public OtlpKestrelCollector() => UseKestrel();

    /// <summary>Where the server listens (started on first use).</summary>
    public Uri Address => _address ??= StartKestrel();

    protected override IReadOnlyDictionary<string, string> ExtraSettings =>
        new Dictionary<string, string>(base.ExtraSettings) { ["urls"] = "http://127.0.0.1:0" };
}
