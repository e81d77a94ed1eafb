using System.Text.RegularExpressions;
using System.Xml.Linq;
using EvalFramework.EndToEnd.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace EvalFramework.EndToEnd.Tests;

/// <summary>
/// The collector's Dockerfile, read as Docker reads it (no Docker engine needed): a restore layer made of the build and
/// project files alone, then the sources; the image runs as an unprivileged user whose group 0 lets the compose
/// stack's Prometheus read the demo key.
/// </summary>
public sealed partial class DockerfileTests
{
    private static readonly string CollectorDirectory = Path.Combine(RepositoryPaths.Root, "src", "EvalFramework.Collector");

    private static readonly List<List<Instruction>> Stages = Parse(File.ReadAllText(Path.Combine(CollectorDirectory, "Dockerfile")));

    private static List<Instruction> Build => Stages[0];

    private static List<Instruction> Final => Stages[^1];

    [Fact]
    public void Dockerfile_TwoStages_SdkBuildsAndAspNetRuns()
    {
        Assert.Equal(2, Stages.Count);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", Build[0].Arguments, StringComparison.Ordinal);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", Final[0].Arguments);
    }

    [Fact]
    public void Dockerfile_BuildStage_RestoresFromBuildAndProjectFilesBeforeCopyingTheSources()
    {
        var restore = Build.FindIndex(i => i.Keyword == "RUN" && i.Arguments.StartsWith("dotnet restore", StringComparison.Ordinal));
        var publish = Build.FindIndex(i => i.Keyword == "RUN" && i.Arguments.StartsWith("dotnet publish", StringComparison.Ordinal));
        var copiedBefore = Build.Take(restore).Where(i => i.Keyword == "COPY").SelectMany(Sources).ToList();
        var copiedAfter = Build.Skip(restore).Where(i => i.Keyword == "COPY").SelectMany(Sources).ToList();

        Assert.True(restore > 0, "no dotnet restore");
        Assert.True(publish > restore, "publish before restore");
        Assert.Contains("--no-restore", Build[publish].Arguments, StringComparison.Ordinal);
        Assert.NotEmpty(copiedBefore);
        Assert.All(copiedBefore, source => Assert.Matches(@"^(global\.json|Directory\.[A-Za-z]+\.(props|targets)|[\w./-]+\.(csproj|sln))$", source));
        Assert.Contains("src/", copiedAfter);
        Assert.DoesNotContain(".", copiedAfter);
    }

    [Fact]
    public void Dockerfile_RestoreLayer_HasEveryBuildFileAndExactlyTheProjectsTheCollectorReferences()
    {
        var restore = Build.FindIndex(i => i.Keyword == "RUN" && i.Arguments.StartsWith("dotnet restore", StringComparison.Ordinal));
        var copied = Build.Take(restore).Where(i => i.Keyword == "COPY").SelectMany(Sources).ToHashSet(StringComparer.Ordinal);
        var buildFiles = new[] { "global.json" }
            .Concat(Directory.GetFiles(RepositoryPaths.Root, "Directory.*").Select(Path.GetFileName).OfType<string>())
            .ToList();
        var projects = ProjectClosure(Path.Combine(CollectorDirectory, "EvalFramework.Collector.csproj"))
            .Select(p => Path.GetRelativePath(RepositoryPaths.Root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(projects.Count >= 6, string.Join(", ", projects));
        Assert.All(buildFiles, file => Assert.Contains(file, copied));
        Assert.Equal(projects, copied.Where(c => c.EndsWith(".csproj", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Dockerfile_FinalStage_RunsAsAnUnprivilegedUserInGroupZero()
    {
        var users = Final.Where(i => i.Keyword == "USER").ToList();
        var user = Assert.Single(users).Arguments.Split(':');
        var userAt = Final.IndexOf(users[0]);

        Assert.Equal(2, user.Length);
        Assert.DoesNotContain(user[0], new[] { "root", "0" });
        Assert.Equal("0", user[1]);
        // Everything that needs root (creating and handing over /data) is done before it; the entry point runs after.
        Assert.True(userAt > Final.FindLastIndex(i => i.Keyword is "RUN" or "COPY"), "USER before a RUN or COPY");
        Assert.True(userAt < Final.FindIndex(i => i.Keyword == "ENTRYPOINT"), "USER after ENTRYPOINT");
    }

    [Fact]
    public void Dockerfile_DataAndKeyFolders_TheUsersAndGroupZerosWhereComposePrometheusReadsTheKey()
    {
        var user = Final.Single(i => i.Keyword == "USER").Arguments.Split(':')[0];
        var setup = string.Join(" && ", Final.Where(i => i.Keyword == "RUN").Select(i => i.Arguments));
        var compose = LoadCompose();
        var services = (YamlMappingNode)compose["services"];
        var keyFile = ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)services["collector"])["environment"])["Demo__KeyFile"]).Value!;
        var groups = ((YamlSequenceNode)((YamlMappingNode)services["prometheus"])["group_add"]).Select(g => ((YamlScalarNode)g).Value);

        Assert.Contains("mkdir -p /data/keys", setup, StringComparison.Ordinal);
        Assert.Contains($"chown -R \"{user}:0\" /data", setup, StringComparison.Ordinal);
        Assert.Matches(@"chmod -R 0?770 /data", setup);
        Assert.Equal("/data/keys", Path.GetDirectoryName(keyFile));
        Assert.Contains("0", groups);
        Assert.Contains(Final, i => i.Keyword == "VOLUME" && i.Arguments == "/data");
    }

    /// <summary>The project and every project it references, directly or through another, as full paths.</summary>
    private static HashSet<string> ProjectClosure(string project)
    {
        var closure = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var next))
        {
            if (!closure.Add(next))
            {
                continue;
            }

            foreach (var reference in XDocument.Load(next).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar);
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(next)!, include)));
            }
        }

        return closure;
    }

    /// <summary>The sources of a COPY (every argument but the destination), unless it copies from another stage.</summary>
    private static IEnumerable<string> Sources(Instruction copy)
    {
        var arguments = copy.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return arguments.Any(a => a.StartsWith("--from=", StringComparison.Ordinal)) ? [] : arguments[..^1];
    }

    /// <summary>The Dockerfile's instructions, joined over line continuations, grouped by stage (each from its FROM).</summary>
    private static List<List<Instruction>> Parse(string dockerfile)
    {
        var stages = new List<List<Instruction>>();
        foreach (Match line in LogicalLine().Matches(ContinuationOrComment().Replace(dockerfile.ReplaceLineEndings("\n"), " ")))
        {
            var instruction = new Instruction(line.Groups["keyword"].Value.ToUpperInvariant(), Spaces().Replace(line.Groups["arguments"].Value.Trim(), " "));
            if (instruction.Keyword == "FROM")
            {
                stages.Add([]);
            }

            stages[^1].Add(instruction);
        }

        return stages;
    }

    private static YamlMappingNode LoadCompose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private sealed record Instruction(string Keyword, string Arguments);

    /// <summary>A comment line, or a backslash at the end of a line (the instruction goes on).</summary>
    [GeneratedRegex(@"(?m)^\s*#.*\n|\\\n")]
    private static partial Regex ContinuationOrComment();

    [GeneratedRegex(@"(?m)^\s*(?<keyword>[A-Za-z]+)\s+(?<arguments>.*)$")]
    private static partial Regex LogicalLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
