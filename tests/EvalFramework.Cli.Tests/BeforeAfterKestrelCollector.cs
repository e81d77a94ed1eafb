namespace EvalFramework.Cli.Tests;

/// <summary>A <see cref="KestrelCollector"/> whose demo pilot is a before/after design: the shipped config with <c>design.aiStart: 2025-03-17</c>.</summary>
public sealed class BeforeAfterKestrelCollector : KestrelCollector
{
    public BeforeAfterKestrelCollector()
        : base(WriteConfig())
    {
    }

    /// <summary>The config file (in the temp folder): the shipped one with the design added to the demo pilot.</summary>
    public static string ConfigPath { get; } = Path.Combine(Path.GetTempPath(), "evalctl-before-after-" + Guid.NewGuid().ToString("N") + ".yaml");

    private static string WriteConfig()
    {
        const string Anchor = "    caseIds: pseudonym\n";
        var yaml = File.ReadAllText(RepoRoot.ShippedConfig).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Single(yaml.Split(Anchor)[1..]);
        File.WriteAllText(ConfigPath, yaml.Replace(Anchor, Anchor + "    design:\n      aiStart: 2025-03-17\n", StringComparison.Ordinal));
        return ConfigPath;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(ConfigPath);
    }
}
