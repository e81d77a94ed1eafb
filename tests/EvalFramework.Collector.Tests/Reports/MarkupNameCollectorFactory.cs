using EvalFramework.Collector.Tests.Infrastructure;

namespace EvalFramework.Collector.Tests.Reports;

/// <summary>
/// <see cref="SnapshotCollectorFactory"/> with a copy of the shipped config whose display name for <c>demo</c> is
/// markup: the report must show it as text.
/// </summary>
public sealed class MarkupNameCollectorFactory : SnapshotCollectorFactory
{
    public const string DisplayName = "<script>alert(\"x\")</script> & <b>Kommun</b>";

    private readonly string _config = Path.Combine(Path.GetTempPath(), "evalfw-tests", "markup-" + Guid.NewGuid().ToString("N") + ".yaml");

    public MarkupNameCollectorFactory()
    {
        var shipped = File.ReadAllText(RepoRoot.ShippedConfig);
        const string Line = "displayName: Kontaktcenter bygglov, upphandling och socialtjänst (demo)";
        Assert.Contains(Line, shipped, StringComparison.Ordinal);
        Directory.CreateDirectory(Path.GetDirectoryName(_config)!);
        File.WriteAllText(_config, shipped.Replace(Line, "displayName: '" + DisplayName + "'", StringComparison.Ordinal));
    }

    protected override IReadOnlyDictionary<string, string> ExtraSettings =>
        new Dictionary<string, string>(base.ExtraSettings) { ["Evaluation:ConfigPath"] = _config };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_config);
    }
}
