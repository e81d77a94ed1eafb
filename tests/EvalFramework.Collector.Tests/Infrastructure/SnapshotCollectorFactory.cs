using EvalFramework.Collector.Auth;

namespace EvalFramework.Collector.Tests.Infrastructure;

/// <summary>
/// A <see cref="CollectorFactory"/> that also runs with the repository's evaluation config
/// (metrics-config/evaluation.yaml, pilot <c>demo</c>), with an admin key and a read-only key for <c>demo</c>.
/// </summary>
public class SnapshotCollectorFactory : CollectorFactory
{
    public SnapshotCollectorFactory()
    {
    }

    protected SnapshotCollectorFactory(string provider)
        : base(provider)
    {
    }

    public const string Pilot = "demo";

    public string AdminKey { get; } = ApiKeyStore.NewKey();

    public string DemoReaderKey { get; } = ApiKeyStore.NewKey();

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        ["Evaluation:ConfigPath"] = RepoRoot.ShippedConfig,
        ["Auth:Keys:3:Name"] = "demo-admin",
        ["Auth:Keys:3:Sha256"] = ApiKeyStore.HashKey(AdminKey),
        ["Auth:Keys:3:Pilots:0"] = Pilot,
        ["Auth:Keys:3:Rights:0"] = "ingest",
        ["Auth:Keys:3:Rights:1"] = "read",
        ["Auth:Keys:3:Rights:2"] = "admin",
        ["Auth:Keys:4:Name"] = "demo-reader",
        ["Auth:Keys:4:Sha256"] = ApiKeyStore.HashKey(DemoReaderKey),
        ["Auth:Keys:4:Pilots:0"] = Pilot,
        ["Auth:Keys:4:Rights:0"] = "read",
    };
}
