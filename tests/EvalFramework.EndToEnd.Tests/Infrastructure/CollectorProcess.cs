using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using EvalFramework.Collector.Auth;

namespace EvalFramework.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real collector process on a loopback port with its own SQLite file; can be killed and restarted. Its evaluation
/// config is the one the environment names, else the shipped one for pilot <c>demo</c>, else one written for its pilot
/// (<see cref="TestConfigYaml"/>): a collector accepts events only of the pilots its config describes.
/// </summary>
public sealed class CollectorProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly Dictionary<string, string> _environment;
    private readonly IReadOnlyList<string> _extraArgs;
    private Process? _process;

    public CollectorProcess(string pilot = "e2e", IReadOnlyList<string>? extraArgs = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        Directory.CreateDirectory(DataDirectory);
        DatabasePath = Path.Combine(DataDirectory, "collector.db");
        Port = FreePort();
        _extraArgs = extraArgs ?? [];
        _environment = new()
        {
            ["Storage__SqlitePath"] = DatabasePath,
            ["Auth__Keys__0__Name"] = "e2e",
            ["Auth__Keys__0__Sha256"] = ApiKeyStore.HashKey(Key),
            ["Auth__Keys__0__Pilots__0"] = pilot,
            ["Auth__Keys__0__Rights__0"] = "ingest",
            ["Auth__Keys__0__Rights__1"] = "read",
            ["Auth__Keys__0__Rights__2"] = "admin",
            ["Logging__LogLevel__Default"] = "Warning",
            ["RateLimit__RequestsPerSecond"] = "1000000",
            ["RateLimit__Burst"] = "1000000",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            _environment[name] = value;
        }

        if (!_environment.ContainsKey("Evaluation__ConfigPath"))
        {
            var config = Path.Combine(DataDirectory, "evaluation.yaml");
            if (pilot == "demo")
            {
                config = RepoRoot.ShippedConfig;
            }
            else
            {
                File.WriteAllText(config, TestConfigYaml(pilot));
            }

            _environment["Evaluation__ConfigPath"] = config;
        }
    }

    /// <summary>An evaluation config for one test pilot: free-text case ids (<c>caseIds: any</c>) and a small vocabulary.</summary>
    public static string TestConfigYaml(string pilot) => $"""
        pilots:
          - slug: {pilot}
            displayName: End-to-end test pilot
            caseTypes: [building-permit-question, direct-procurement-advice, social-services-documentation]
            arms:
              - name: manual
                share: 0.5
              - name: ai_assisted
                share: 0.5
            baselineArm: manual
            staffRoles:
              handler:
                hourlyCostSek: 600
              handlaggare:
                hourlyCostSek: 650
            aiModels:
              mistral-small-3.1:
                inputPerMillionSek: 1.05
                outputPerMillionSek: 3.15
                activeParamsBillions: 24
            maintenance:
              hourlyCostSek: 750
            channels: [phone, e-service]
            escalationReasons: [needs-decision]
            integrationSystems: [case-register]
            integrationFailureKinds: [timeout]
            maintenanceKinds: [prompt-update]
            teams: [permits]
            caseIds: any

        """;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "evalfw-e2e", Guid.NewGuid().ToString("N"));

    public string DatabasePath { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public string Key { get; } = ApiKeyStore.NewKey();

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return client;
    }

    /// <summary>Starts the process and waits until <c>/readyz</c> answers 200.</summary>
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = DataDirectory,
        };
        start.ArgumentList.Add(RepositoryPaths.CollectorDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{Port}");
        foreach (var arg in _extraArgs)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < (timeout ?? TimeSpan.FromSeconds(60)))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"collector exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await probe.GetAsync("readyz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"collector not ready in time:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown, no flush; whatever was not committed is gone.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
