namespace EvalFramework.Cli.Tests;

public sealed class EvalCtlTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("evalctl-tests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        using var @out = new StringWriter();
        using var err = new StringWriter();
        var code = EvalCtl.Run(args, @out, err, env);
        return (code, @out.ToString(), err.ToString());
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => Run(null, args);

    [Fact]
    public void Run_ConfigCheckShippedFile_PrintsOkWithMethodologyAndExitsZero()
    {
        var (code, output, err) = Run("config", "check", RepoRoot.ShippedConfig);

        Assert.Equal(0, code);
        Assert.Matches(
            "^OK: " + System.Text.RegularExpressions.Regex.Escape(RepoRoot.ShippedConfig)
            + @" \(methodology 3\.0\.0, config sha256 [0-9a-f]{64}\)\r?\n$",
            output);
        Assert.Empty(err);
    }

    [Fact]
    public void Run_ConfigCheckBrokenFile_ListsEveryErrorAndExitsOne()
    {
        var path = Path.Combine(_dir, "broken.yaml");
        File.WriteAllText(path, """
            confidenceLevel: 1.5
            kAnonymity: 1
            pilots:
              - slug: demo
                displayName: Demo
                caseTypes: [a, a]
                arms:
                  - {name: manual, share: 0.5}
                  - {name: ai_assisted, share: 0.4}
                baselineArm: control
                staffRoles:
                  handlaggare: {hourlyCostSek: -1}
                maintenance: {hourlyCostSek: 800}
            """);

        var (code, output, err) = Run("config", "check", path);

        Assert.Equal(1, code);
        Assert.Empty(output);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            [
                path + ":1: confidenceLevel: must be between 0 and 1, exclusive (e.g. 0.95)",
                path + ":2: kAnonymity: must be at least 2",
                path + ":6: pilots[0].caseTypes[1]: duplicate case type 'a'",
                path + ":7: pilots[0].arms: the arm shares must sum to 1 (they sum to 0.9)",
                path + ":10: pilots[0].baselineArm: baseline arm 'control' is not defined in arms (manual, ai_assisted)",
                path + ":12: pilots[0].staffRoles.handlaggare.hourlyCostSek: must not be negative",
                path + ": 6 errors; fix them and run evalctl config check again",
            ],
            lines);
    }

    [Fact]
    public void Run_ConfigCheckWithBadEnvironmentOverride_ReportsVariableAndExitsOne()
    {
        var env = new Dictionary<string, string> { ["EVALFW__confidenceLevel"] = "high" };

        var (code, _, err) = Run(env, "config", "check", RepoRoot.ShippedConfig);

        Assert.Equal(1, code);
        Assert.Contains("env:EVALFW__confidenceLevel: confidenceLevel: must be a number (found 'high')", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ConfigCheckWithEnvironmentOverride_ChangesHash()
    {
        var env = new Dictionary<string, string> { ["EVALFW__pilots__0__staffRoles__handlaggare__hourlyCostSek"] = "700" };

        var (_, plain, _) = Run("config", "check", RepoRoot.ShippedConfig);
        var (code, overridden, _) = Run(env, "config", "check", RepoRoot.ShippedConfig);

        Assert.Equal(0, code);
        Assert.NotEqual(plain, overridden);
    }

    [Fact]
    public void Run_ConfigCheckMissingFile_ExitsOne()
    {
        var path = Path.Combine(_dir, "nope.yaml");

        var (code, _, err) = Run("config", "check", path);

        Assert.Equal(1, code);
        Assert.StartsWith(path + ": (file): cannot read the file", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoArguments_PrintsUsageAndExitsTwo()
    {
        var (code, _, err) = Run();

        Assert.Equal(2, code);
        Assert.Contains("evalctl config check <path>", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownCommand_ExitsTwo()
    {
        var (code, _, err) = Run("frobnicate");

        Assert.Equal(2, code);
        Assert.StartsWith("evalctl: unknown command 'frobnicate'", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ConfigWithoutSubcommand_ExitsTwo()
    {
        Assert.Equal(2, Run("config").Code);
    }

    [Theory]
    [InlineData]
    [InlineData("a.yaml", "b.yaml")]
    [InlineData("--strict")]
    public void Run_ConfigCheckWithWrongArguments_ExitsTwo(params string[] rest)
    {
        var (code, _, err) = Run(["config", "check", .. rest]);

        Assert.Equal(2, code);
        Assert.Contains("usage: evalctl config check <path>", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Help_PrintsCommandsAndExitsZero()
    {
        var (code, output, _) = Run("--help");

        Assert.Equal(0, code);
        Assert.Contains("config check <path>", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CommandHelp_PrintsCommandUsageAndExitsZero()
    {
        var (code, output, _) = Run("config", "check", "--help");

        Assert.Equal(0, code);
        Assert.StartsWith("usage: evalctl config check <path>", output, StringComparison.Ordinal);
    }
}
