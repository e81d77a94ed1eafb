using System.Diagnostics;
using System.Net;
using EvalFramework.Collector.Tests.Infrastructure;

namespace EvalFramework.Collector.Tests;

/// <summary>
/// A client generated from <c>/openapi/v1.json</c> by a real generator compiles and works: Kiota (the local dotnet tool
/// of <c>.config/dotnet-tools.json</c>) writes a C# client from the document a running collector serves, a small
/// project on the Kiota 2.1.6 packages builds it with no error, and the program posts an event through the client and
/// reads the case back from <c>/api/v1/cases</c>.
/// </summary>
public sealed class OpenApiClientTests : IClassFixture<KestrelCollectorFactory>, IDisposable
{
    private const string KiotaPackagesVersion = "2.1.6";

    private static readonly string[] KiotaPackages =
    [
        "Microsoft.Kiota.Abstractions", "Microsoft.Kiota.Http.HttpClientLibrary", "Microsoft.Kiota.Serialization.Json",
        "Microsoft.Kiota.Serialization.Text", "Microsoft.Kiota.Serialization.Form", "Microsoft.Kiota.Serialization.Multipart",
    ];

    private readonly KestrelCollectorFactory _collector;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "evalfw-kiota-" + Guid.NewGuid().ToString("N"));

    public OpenApiClientTests(KestrelCollectorFactory collector)
    {
        _collector = collector;
        Directory.CreateDirectory(_directory);
    }

    [Fact]
    public async Task KiotaClient_GeneratedFromTheDocument_CompilesAndRecordsACase()
    {
        using var http = _collector.SocketClientWith(_collector.WriterKey);
        var document = Path.Combine(_directory, "openapi.json");
        await File.WriteAllTextAsync(document, await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var project = Path.Combine(_directory, "Client");
        Directory.CreateDirectory(project);

        await RunAsync(RepoRoot.Path, TimeSpan.FromSeconds(60), "tool", "restore");
        var generated = await RunAsync(RepoRoot.Path, TimeSpan.FromSeconds(60), "tool", "run", "kiota", "generate", "--language", "CSharp",
            "--openapi", document, "--output", Path.Combine(project, "Generated"), "--namespace-name", "EvalFramework.Client",
            "--class-name", "CollectorClient", "--exclude-backward-compatible", "--clean-output", "--log-level", "Warning");
        await File.WriteAllTextAsync(Path.Combine(project, "Client.csproj"), ProjectFile());
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), ProgramFile);
        var built = await RunAsync(project, TimeSpan.FromSeconds(150), "build", "-nologo", "-v", "q", "-nodeReuse:false", "-clp:NoSummary;ErrorsOnly");
        var caseId = "kiota-" + Events.Token();
        var ran = await RunAsync(project, TimeSpan.FromSeconds(60), "bin/Debug/net10.0/Client.dll", _collector.Address.ToString().TrimEnd('/'),
            _collector.WriterKey, CollectorFactory.PilotA, caseId);

        Assert.Contains("Generation completed successfully", generated, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(project, "Generated", "CollectorClient.cs")), "Kiota wrote the client class");
        Assert.DoesNotContain(": error ", built, StringComparison.Ordinal);
        Assert.Equal($"accepted=1 case={caseId} arm=manual", ran.Trim());
        using var cases = await http.GetAsync(new Uri("/api/v1/cases?pilot=" + CollectorFactory.PilotA + "&limit=1000", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, cases.StatusCode);
        Assert.Contains(caseId, await cases.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A build server still holding a file: the temp folder is cleaned by the OS later.
        }
    }

    /// <summary>The client project: outside the repository, so with its own package versions (no central management).</summary>
    private static string ProjectFile() =>
        $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
          </PropertyGroup>
          <ItemGroup>
        {string.Concat(KiotaPackages.Select(p => $"    <PackageReference Include=\"{p}\" Version=\"{KiotaPackagesVersion}\" />\n"))}  </ItemGroup>
        </Project>
        """;

    /// <summary>Posts one <c>case.started</c> through the generated client and finds the case in <c>GET /api/v1/cases</c>.</summary>
    private const string ProgramFile =
        """
        using System.Net.Http.Headers;
        using EvalFramework.Client;
        using EvalFramework.Client.Models;
        using Microsoft.Kiota.Abstractions.Authentication;
        using Microsoft.Kiota.Http.HttpClientLibrary;

        var (baseUrl, key, pilot, caseId) = (args[0], args[1], args[2], args[3]);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var client = new CollectorClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = baseUrl });

        var answer = await client.Api.V1.Events.PostAsync(new EventBatch
        {
            Events =
            [
                new WireEvent
                {
                    Id = "kiota" + Guid.NewGuid().ToString("N")[..12], Type = "case.started", Time = DateTimeOffset.UtcNow.AddMinutes(-1),
                    Pilot = pilot, CaseId = caseId, CaseType = "building-permit-question", Arm = "manual",
                },
            ],
        });
        var page = await client.Api.V1.Cases.GetAsync(c => { c.QueryParameters.Pilot = pilot; c.QueryParameters.Limit = 1000; });
        var found = page?.Items?.FirstOrDefault(i => i.CaseId == caseId);
        Console.WriteLine($"accepted={answer?.Accepted} case={found?.CaseId} arm={found?.Arm}");
        """;

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>; fails the test on a non-zero exit or a timeout. Returns stdout and stderr.</summary>
    private static async Task<string> RunAsync(string directory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild settings would steer a nested build; Kiota must not phone home from an offline machine.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["KIOTA_CLI_TELEMETRY_OPTOUT"] = "true";
        start.Environment["KIOTA_TUTORIAL_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', arguments)} did not end within {timeout.TotalSeconds} s");
        }

        var text = await output + await error;
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{text}");
        return text;
    }
}
