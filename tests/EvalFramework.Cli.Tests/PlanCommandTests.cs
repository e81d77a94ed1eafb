using EvalFramework.Cli.Commands;
using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Cli.Tests;

/// <summary><c>evalctl plan register|show</c> against a real collector running the shipped config.</summary>
[Collection(CollectorCommandsCollection.Name)]
public sealed class PlanCommandTests : IClassFixture<KestrelCollector>, IDisposable
{
    private readonly KestrelCollector _collector;
    private readonly string _dir = Directory.CreateTempSubdirectory("evalctl-plan-").FullName;

    public PlanCommandTests(KestrelCollector collector) => _collector = collector;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        using var @out = new StringWriter();
        using var err = new StringWriter();
        var code = EvalCtl.Run(["plan", .. args, "--collector", _collector.Address.ToString()], @out, err,
            new Dictionary<string, string> { [CollectorRequests.KeyVariable] = _collector.Key });
        return (code, @out.ToString(), err.ToString());
    }

    /// <summary>The shipped config's plan hash for pilot demo, as the config loader makes it.</summary>
    private static string ShippedSha256() =>
        EvaluationConfigLoader.Parse(File.ReadAllText(RepoRoot.ShippedConfig), "evaluation.yaml").Config!.FindPilot("demo")!.AnalysisPlan.Sha256;

    /// <summary>A copy of the shipped config whose demo plan has alpha 0.01 instead of 0.05.</summary>
    private string ChangedConfig()
    {
        var yaml = File.ReadAllText(RepoRoot.ShippedConfig);
        const string Alpha = "    analysisPlan:\n      alpha: 0.05\n";
        Assert.Contains(Alpha, yaml, StringComparison.Ordinal);
        var path = Path.Combine(_dir, "changed.yaml");
        File.WriteAllText(path, yaml.Replace(Alpha, "    analysisPlan:\n      alpha: 0.01\n", StringComparison.Ordinal));
        return path;
    }

    [Fact]
    public void PlanRegister_OtherConfigThenSameConfigThenAgain_RefusedThenRegisteredOnce()
    {
        var shipped = ShippedSha256();
        var changed = ChangedConfig();
        var changedSha = EvaluationConfigLoader.Parse(File.ReadAllText(changed), "changed.yaml").Config!.FindPilot("demo")!.AnalysisPlan.Sha256;
        Assert.NotEqual(shipped, changedSha);

        // A file whose plan is not the collector's: refused, naming both hashes, and nothing is registered.
        var (refusedCode, refusedOut, refusedErr) = Run("register", "--pilot", "demo", "--config", changed);
        var (unregisteredCode, _, unregisteredErr) = Run("show", "--pilot", "demo");
        Assert.Equal(1, refusedCode);
        Assert.Empty(refusedOut);
        Assert.Contains("409", refusedErr, StringComparison.Ordinal);
        Assert.Contains(shipped, refusedErr, StringComparison.Ordinal);
        Assert.Contains(changedSha, refusedErr, StringComparison.Ordinal);
        Assert.Equal(1, unregisteredCode);
        Assert.Contains("404", unregisteredErr, StringComparison.Ordinal);

        // The collector's own file: registered; again (without a file): the same registration.
        var (code, output, _) = Run("register", "--pilot", "demo", "--config", RepoRoot.ShippedConfig);
        var (againCode, again, _) = Run("register", "--pilot", "demo");
        var (showCode, shown, _) = Run("show", "--pilot", "demo");

        Assert.Equal(0, code);
        Assert.StartsWith("registered the analysis plan of pilot 'demo': sha256 " + shipped + ", at ", output, StringComparison.Ordinal);
        Assert.Equal(0, againCode);
        Assert.StartsWith("the analysis plan of pilot 'demo' was already registered, the same plan: sha256 " + shipped, again, StringComparison.Ordinal);
        Assert.Equal(output[output.IndexOf(", at ", StringComparison.Ordinal)..], again[again.IndexOf(", at ", StringComparison.Ordinal)..]);
        Assert.Equal(0, showCode);
        Assert.StartsWith("sha256\t" + shipped + "\nregisteredAt\t", shown, StringComparison.Ordinal);
        Assert.Contains("\nplan\t{\"alpha\":0.05,", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanRegister_InvalidConfigFile_ExitsOneListingTheProblemsWithoutAskingTheCollector()
    {
        var path = Path.Combine(_dir, "broken.yaml");
        File.WriteAllText(path, "confidenceLevel: 2\n");

        // The collector named is not there: the file is refused before any request.
        using var @out = new StringWriter();
        using var err = new StringWriter();
        var code = EvalCtl.Run(["plan", "register", "--pilot", "demo", "--config", path, "--collector", "http://127.0.0.1:9", "--key", "k"], @out, err);

        Assert.Equal(1, code);
        Assert.Contains("the config " + path + " is not valid", err.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("cannot reach", err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PlanRegister_ConfigWithoutThePilot_ExitsOne()
    {
        var (code, _, err) = Run("register", "--pilot", "no-such-pilot", "--config", RepoRoot.ShippedConfig);

        Assert.Equal(1, code);
        Assert.Contains("has no pilot 'no-such-pilot'; nothing registered", err, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanRegister_MissingPilot_ExitsTwoWithUsage()
    {
        var (code, _, err) = Run("register");

        Assert.Equal(2, code);
        Assert.Contains("missing --pilot", err, StringComparison.Ordinal);
    }
}
