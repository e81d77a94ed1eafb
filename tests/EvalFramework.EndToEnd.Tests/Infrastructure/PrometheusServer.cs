using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace EvalFramework.EndToEnd.Tests.Infrastructure;

/// <summary>A real Prometheus on a free loopback port with its own data folder, scraping one target every second.</summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("evalfw-prometheus").FullName;
    private Process? _process;

    public int Port { get; } = FreePort();

    public HttpClient Client { get; private set; } = null!;

    public static string? Executable(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    /// <summary>
    /// Starts scraping <paramref name="target"/> (host:port) each second with <paramref name="scrapeKey"/> (a key with the
    /// read right, given to Prometheus in a file, as metrics-config/prometheus.yml does), with <paramref name="rulesFile"/>
    /// evaluated each second.
    /// </summary>
    public async Task StartAsync(string target, string scrapeKey, string rulesFile)
    {
        var keyFile = Path.Combine(_directory, "collector-key");
        await File.WriteAllTextAsync(keyFile, scrapeKey);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var config = Path.Combine(_directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files:
              - {rulesFile}
            scrape_configs:
              - job_name: collector
                metrics_path: /metrics
                authorization:
                  type: Bearer
                  credentials_file: {keyFile}
                static_configs:
                  - targets: ["{target}"]
            """);
        var start = new ProcessStartInfo(Executable("prometheus") ?? throw new InvalidOperationException("prometheus is not installed"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--config.file=" + config, "--storage.tsdb.path=" + Path.Combine(_directory, "data"),
            string.Create(CultureInfo.InvariantCulture, $"--web.listen-address=127.0.0.1:{Port}"), "--log.level=warn",
        })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("prometheus did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}/"), Timeout = TimeSpan.FromSeconds(10) };
        await WaitUntilAsync(async () => (await Client.GetAsync("-/ready")).IsSuccessStatusCode, "Prometheus ready");
    }

    /// <summary>An instant query; the result vector (empty when no data).</summary>
    public async Task<JsonArray> QueryAsync(string promql)
    {
        using var response = await Client.PostAsync("api/v1/query", new FormUrlEncodedContent([new("query", promql)]));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (body["status"]?.GetValue<string>() != "success")
        {
            throw new InvalidOperationException($"query failed: {promql}\n{body.ToJsonString()}");
        }

        return body["data"]!["result"] as JsonArray ?? [];
    }

    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"prometheus exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if (await condition())
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

            await Task.Delay(250);
        }

        throw new TimeoutException($"{what}: not within {seconds} s\n{Output}");
    }

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

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Client?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Runs promtool with the arguments and optional stdin; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> PromtoolAsync(string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo(Executable("promtool") ?? throw new InvalidOperationException("promtool is not installed"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
