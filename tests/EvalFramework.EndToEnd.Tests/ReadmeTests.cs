using EvalFramework.EndToEnd.Tests.Infrastructure;

namespace EvalFramework.EndToEnd.Tests;

/// <summary>The README shows code that compiles: its snippets are the sample project's, word for word.</summary>
public sealed class ReadmeTests
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
}
