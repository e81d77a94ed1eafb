using System.Text.RegularExpressions;
using EvalFramework.EndToEnd.Tests.Infrastructure;

namespace EvalFramework.EndToEnd.Tests;

/// <summary>
/// The README shows code that compiles (its snippets are the sample project's, word for word) and commands that work
/// (the two CI runs; a Compose command that sets what docker-compose.yml requires).
/// </summary>
public sealed partial class ReadmeTests
{
    [Theory]
    [InlineData("PermitQuestionDesk.cs", "instrument-a-service")]
    [InlineData("Program.cs", "register")]
    public void Readme_SampleSnippet_MatchesSampleSource(string file, string region)
    {
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "EvalFramework.Samples", file));
        var begin = $"// README: {region} (begin)\n";
        var start = source.IndexOf(begin, StringComparison.Ordinal);
        var end = source.IndexOf($"// README: {region} (end)", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"markers of {region} not found in {file}");
        var snippet = source[(start + begin.Length)..end].TrimEnd('\n');

        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

        Assert.Contains("```csharp\n" + snippet + "\n```", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_QuickStart_HasTheTwoCommandsCiRuns()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var ci = File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".ci", "run"));

        Assert.Contains("dotnet run --project src/EvalFramework.Collector -- --demo", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet test EvalFramework.sln", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet test EvalFramework.sln", ci, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/operations.md")]
    public void ComposeCommands_SetEveryVariableTheComposeFileRequires(string page)
    {
        var required = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docker-compose.yml"))
            .Where(line => !line.TrimStart().StartsWith('#'))
            .SelectMany(line => RequiredVariable().Matches(line).Select(m => m.Groups["name"].Value))
            .Distinct()
            .ToList();
        var commands = ShellBlock().Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Root, page)))
            .SelectMany(block => block.Groups["body"].Value.Split('\n'))
            .Where(line => line.Contains("docker compose", StringComparison.Ordinal) && line.Contains(" up", StringComparison.Ordinal))
            .ToList();

        Assert.Contains("GRAFANA_ADMIN_PASSWORD", required);
        Assert.NotEmpty(commands);
        Assert.All(commands, command => Assert.All(required, name => Assert.Contains($"{name}=", command, StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Z0-9_]+):\?")]
    private static partial Regex RequiredVariable();

    [GeneratedRegex(@"^```sh\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ShellBlock();
}
