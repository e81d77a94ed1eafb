using EvalFramework.Collector.Auth;

namespace EvalFramework.Collector.Tests.Infrastructure;

/// <summary>
/// A <see cref="SnapshotCollectorFactory"/> (pilot <c>demo</c>, which has an analysis plan) with one more key: the admin
/// right alone for <c>demo</c>, whose snapshots come back in the short form (<c>SnapshotCreated</c>).
/// </summary>
public sealed class OpenApiCollectorFactory : SnapshotCollectorFactory
{
    /// <summary>A key with the admin right only, for <c>demo</c>.</summary>
    public string DemoAdminOnlyKey { get; } = ApiKeyStore.NewKey();

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>(base.ExtraSettings)
    {
        ["Auth:Keys:8:Name"] = "demo-admin-only",
        ["Auth:Keys:8:Sha256"] = ApiKeyStore.HashKey(DemoAdminOnlyKey),
        ["Auth:Keys:8:Pilots:0"] = Pilot,
        ["Auth:Keys:8:Rights:0"] = "admin",
    };
}
