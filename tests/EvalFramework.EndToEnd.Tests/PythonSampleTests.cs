using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EvalFramework.EndToEnd.Tests.Infrastructure;

namespace EvalFramework.EndToEnd.Tests;

/// <summary>
/// The Python pilot service (samples/python, standard library only) run with python3 against a real collector process
/// on the shipped config, as the README says: its case arrives under the SDK's HMAC pseudonym and reads back from
/// <c>/api/v1/cases</c>, also beside the demo's traffic with the key the demo prints.
/// </summary>
public sealed class PythonSampleTests
{
    private const string Reference = "DNR-2025-004711";
    private const string PseudonymKey = "python-sample-pseudonym-key-2026";

    [Fact]
    public async Task PythonSample_RecordsACase_ReadBackUnderItsPseudonym()
    {
        await using var collector = new CollectorProcess("demo");
        await collector.StartAsync();
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        var expectedId = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(PseudonymKey), Encoding.UTF8.GetBytes(Reference)));

        var (exitCode, output, error) = await RunSample(collector, collector.Key, "--reference", Reference, "--effort-seconds", "540");

        Assert.True(exitCode == 0, $"the sample exited with {exitCode}:\n{error}\n{collector.Output}");
        using var answer = JsonDocument.Parse(output);
        Assert.Equal(expectedId, answer.RootElement.GetProperty("caseId").GetString());
        Assert.Equal(4, answer.RootElement.GetProperty("accepted").GetInt32());
        Assert.Equal(0, answer.RootElement.GetProperty("rejected").GetArrayLength());

        using var client = collector.CreateClient();
        var page = await client.GetFromJsonAsync<JsonElement>($"api/v1/cases?pilot=demo&from={Uri.EscapeDataString(from.ToString("O"))}&limit=1000");
        var row = Assert.Single(page.GetProperty("items").EnumerateArray(), c => c.GetProperty("caseId").GetString() == expectedId);
        Assert.Equal("building-permit-question", row.GetProperty("caseType").GetString());
        Assert.Equal("ai_assisted", row.GetProperty("arm").GetString());
        Assert.Equal("e-service", row.GetProperty("channel").GetString());
        Assert.Equal("resolved", row.GetProperty("outcome").GetString());
        Assert.Equal(540, row.GetProperty("effortSeconds").GetDouble());
        Assert.Equal(1, row.GetProperty("aiCalls").GetInt64());
        var usage = Assert.Single(row.GetProperty("aiByModel").EnumerateArray());
        Assert.Equal("mistral-small-3.1", usage.GetProperty("model").GetString());
        Assert.True(usage.GetProperty("inputTokens").GetInt64() > 0 && usage.GetProperty("outputTokens").GetInt64() > 0, usage.ToString());
        Assert.True(row.GetProperty("leadTimeSeconds").GetDouble() >= 0, row.ToString());
    }

    [Fact]
    public async Task PythonSample_AgainstTheReadmesDemo_WithThePrintedKey_ItsCaseAmongTheDemosCases()
    {
        var environment = new Dictionary<string, string>
        {
            ["Evaluation__ConfigPath"] = RepoRoot.ShippedConfig,
            ["Logging__LogLevel__EvalFramework.Collector.Demo"] = "Information",
        };
        await using var collector = new CollectorProcess(pilot: "demo", extraArgs: ["--demo"], environment: environment);
        await collector.StartAsync();
        var printed = Regex.Match(collector.Output, "Demo API key: (?<key>[A-Za-z0-9_-]+)");
        for (var waited = 0; !printed.Success && waited < 100; waited++)
        {
            await Task.Delay(100);
            printed = Regex.Match(collector.Output, "Demo API key: (?<key>[A-Za-z0-9_-]+)");
        }

        Assert.True(printed.Success, "no demo key printed:\n" + collector.Output);
        var demoKey = printed.Groups["key"].Value;
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);

        var (exitCode, output, error) = await RunSample(collector, demoKey, "--reference", Reference, "--manual");

        Assert.True(exitCode == 0, $"the sample exited with {exitCode}:\n{error}\n{collector.Output}");
        using var answer = JsonDocument.Parse(output);
        var caseId = answer.RootElement.GetProperty("caseId").GetString()!;
        using var client = new HttpClient { BaseAddress = collector.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", demoKey);
        var rows = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>(
                $"api/v1/cases?pilot=demo&from={Uri.EscapeDataString(from.ToString("O"))}&limit=1000" + (cursor is null ? "" : "&cursor=" + cursor));
            rows.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? Uri.EscapeDataString(next.GetString()!) : null;
        }
        while (cursor is not null);

        var row = Assert.Single(rows, c => c.GetProperty("caseId").GetString() == caseId);
        Assert.Equal("manual", row.GetProperty("arm").GetString());
        Assert.Equal(0, row.GetProperty("aiCalls").GetInt64());
        Assert.Equal("resolved", row.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task PythonSample_KeyWithoutThePilot_ExitsOneNamingTheRefusal()
    {
        await using var collector = new CollectorProcess("e2e");
        await collector.StartAsync();

        var (exitCode, output, error) = await RunSample(collector, collector.Key, "--reference", Reference, "--pilot", "demo");

        Assert.Equal(1, exitCode);
        Assert.Empty(output.Trim());
        Assert.Contains("refused the batch: 403", error, StringComparison.Ordinal);
    }

    /// <summary>Runs samples/python/pilot_service.py with python3, the API key and pseudonym key in its environment.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> RunSample(CollectorProcess collector, string apiKey, params string[] arguments)
    {
        var start = new ProcessStartInfo("python3")
        {
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, "samples", "python"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "pilot_service.py", "--collector", collector.BaseAddress.ToString() }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["EVALFW_API_KEY"] = apiKey;
        start.Environment["EVALFW_PSEUDONYM_KEY"] = PseudonymKey;
        using var python = Process.Start(start)!;
        var output = python.StandardOutput.ReadToEndAsync();
        var error = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (python.ExitCode, await output, error);
    }
}
