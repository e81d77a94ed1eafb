using EvalFramework.Collector.Tests.Infrastructure;

namespace EvalFramework.Collector.Tests.Reports;

/// <summary>The shipped config and keys of <see cref="SnapshotCollectorFactory"/>, with pilot <c>demo</c>'s reports public.</summary>
public sealed class PublicReportsCollectorFactory : SnapshotCollectorFactory
{
    protected override IReadOnlyDictionary<string, string> ExtraSettings =>
        new Dictionary<string, string>(base.ExtraSettings) { ["Reports:PublicPilots:0"] = Pilot };
}
