using System.Diagnostics;
using EvalFramework.EndToEnd.Tests.Infrastructure;

namespace EvalFramework.EndToEnd.Tests;

/// <summary>The collector validates its evaluation config and its storage at start and refuses to run on a bad one.</summary>
public sealed class StartupConfigTests
{
    [Fact]
    public async Task Collector_InvalidEvaluationConfig_ExitsNonZeroListingEveryProblem()
    {
        var directory = Directory.CreateTempSubdirectory("evalfw-config");
        var path = Path.Combine(directory.FullName, "evaluation.yaml");
        var yaml = (await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "metrics-config", "evaluation.yaml")))
            .Replace("confidenceLevel: 0.95", "confidenceLevel: 1.5", StringComparison.Ordinal)
            .Replace("minSamplePerArm: 30", "minSamplePerArm: 30\nunknownSetting: 1", StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, yaml);

        var (exitCode, stderr) = await RunCollectorAsync(path);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("does not start", stderr, StringComparison.Ordinal);
        Assert.Contains($"{path}:", stderr, StringComparison.Ordinal);
        Assert.Contains("confidenceLevel", stderr, StringComparison.Ordinal);
        Assert.Contains("unknownSetting", stderr, StringComparison.Ordinal);
        directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Collector_MissingConfiguredConfig_ExitsNonZero()
    {
        var (exitCode, stderr) = await RunCollectorAsync("/nonexistent/evaluation.yaml");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("/nonexistent/evaluation.yaml", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mysql", null, "Storage:Provider: 'mysql' is not a provider")]
    [InlineData("postgres", null, "Storage:ConnectionString: required")]
    [InlineData("postgres", "Host=127.0.0.1;Colour=blue;Port=many;Password=hunter2x", "Storage:ConnectionString: invalid value of port; 1 unknown setting(s)")]
    [InlineData("postgres", "Host=127.0.0.1;Password=hunter;2xq=secret", "Storage:ConnectionString: 1 unknown setting(s) (a ';' in a value must be quoted)")]
    [InlineData("postgres", "hunter2x", "Storage:ConnectionString: not in the form Key=value;Key=value")]
    [InlineData("postgres", "Database=x;Password=hunter2x", "Storage:ConnectionString: names no Host")]
    public async Task Collector_BadStorageSettings_ExitsNonZeroNamingTheKey(string provider, string? connectionString, string expected)
    {
        var environment = new Dictionary<string, string> { ["Storage__Provider"] = provider };
        if (connectionString is not null)
        {
            environment["Storage__ConnectionString"] = connectionString;
        }

        var (exitCode, stderr) = await RunCollectorAsync(RepoRoot.ShippedConfig, environment);

        Assert.Equal(1, exitCode);
        Assert.Contains("the collector does not start", stderr, StringComparison.Ordinal);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2x", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("2xq", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collector_PostgresUnreachable_ExitsNonZeroWithTheConnectionError()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now

        var (exitCode, stderr) = await RunCollectorAsync(RepoRoot.ShippedConfig, new Dictionary<string, string>
        {
            ["Storage__Provider"] = "postgres",
            ["Storage__ConnectionString"] = $"Host=127.0.0.1;Port={port};Database=evalframework;Username=u;Password=hunter2x;Timeout=3",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("The postgres database cannot be opened or migrated; the collector does not start", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2x", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stderr)> RunCollectorAsync(string configPath,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(RepositoryPaths.CollectorDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.ArgumentList.Add("--Evaluation:ConfigPath");
        start.ArgumentList.Add(configPath);
        start.Environment["Storage__SqlitePath"] = Path.Combine(Path.GetTempPath(), "evalfw-config-" + Guid.NewGuid().ToString("N") + ".db");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the collector kept running on a bad config");
        }

        return (process.ExitCode, await stderr);
    }
}
