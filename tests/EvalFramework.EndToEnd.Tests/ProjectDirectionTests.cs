using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace EvalFramework.EndToEnd.Tests;

/// <summary>
/// Dependencies point one way (the table in docs/development.md, "Projects"): the contract depends on nothing, the SDK and the pure
/// evaluation domain only on the contract, the report renderer on the domain, and the apps sit on top. A project
/// reference against those arrows fails here, and so does any file, network, database or environment access compiled
/// into the assemblies that promise to be pure.
/// </summary>
public sealed class ProjectDirectionTests
{
    /// <summary>Every project under src/ and the projects it may reference; a new project must be added here.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["EvalFramework.Contract"] = [],
        ["EvalFramework"] = ["EvalFramework.Contract"],
        ["EvalFramework.Evaluation"] = ["EvalFramework.Contract"],
        ["EvalFramework.Reports"] = ["EvalFramework.Evaluation", "EvalFramework.Contract"],
        ["EvalFramework.Playback"] = ["EvalFramework", "EvalFramework.Evaluation", "EvalFramework.Contract"],
        ["EvalFramework.Collector"] =
            ["EvalFramework.Contract", "EvalFramework.Evaluation", "EvalFramework.Reports", "EvalFramework", "EvalFramework.Playback"],
        ["EvalFramework.Cli"] =
            ["EvalFramework.Contract", "EvalFramework.Evaluation", "EvalFramework.Reports", "EvalFramework", "EvalFramework.Playback"],
    };

    /// <summary>Assemblies that promise no I/O: no files, network, databases, console or process environment.</summary>
    public static TheoryData<string> PureAssemblies => new() { "EvalFramework.Contract", "EvalFramework.Evaluation", "EvalFramework.Reports" };

    [Fact]
    public void ProjectReferences_FollowTheArrows()
    {
        var src = Path.Combine(RepoRoot.Path, "src");
        var projects = Directory.GetDirectories(src).Select(Path.GetFileName).Where(n => File.Exists(Path.Combine(src, n!, n + ".csproj"))).ToList();
        Assert.NotEmpty(projects);

        var wrong = new List<string>();
        foreach (var project in projects)
        {
            if (!Allowed.TryGetValue(project!, out var allowed))
            {
                wrong.Add($"{project}: not in the table of allowed references; decide where it sits");
                continue;
            }

            foreach (var reference in References(Path.Combine(src, project!, project + ".csproj")))
            {
                if (!allowed.Contains(reference))
                {
                    wrong.Add($"{project} -> {reference}");
                }
            }
        }

        Assert.True(wrong.Count == 0, "project references against the arrows:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void ForbiddenEdges_AreNotInTheTable()
    {
        // The arrows the design forbids outright, so that widening the table above cannot quietly allow them.
        Assert.DoesNotContain("EvalFramework.Evaluation", Allowed["EvalFramework"]);
        Assert.DoesNotContain("EvalFramework.Collector", Allowed["EvalFramework"]);
        Assert.DoesNotContain("EvalFramework", Allowed["EvalFramework.Evaluation"]);
        Assert.DoesNotContain("EvalFramework.Collector", Allowed["EvalFramework.Evaluation"]);
        Assert.DoesNotContain("EvalFramework.Cli", Allowed["EvalFramework.Evaluation"]);
        Assert.DoesNotContain("EvalFramework.Cli", Allowed["EvalFramework.Collector"]);
        Assert.DoesNotContain("EvalFramework.Collector", Allowed["EvalFramework.Cli"]);
        Assert.Empty(Allowed["EvalFramework.Contract"]);
    }

    [Theory]
    [MemberData(nameof(PureAssemblies))]
    public void PureAssembly_UsesNoFilesNetworkOrEnvironment(string assembly)
    {
        var path = Path.Combine(AppContext.BaseDirectory, assembly + ".dll");
        Assert.True(File.Exists(path), path + " is not beside the tests");
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();

        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var handle in md.AssemblyReferences)
        {
            var name = md.GetString(md.GetAssemblyReference(handle).Name);
            if (ForbiddenAssemblyPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                found.Add("assembly " + name);
            }
        }

        foreach (var handle in md.TypeReferences)
        {
            var type = FullName(md, handle);
            if (ForbiddenTypes.Contains(type) || ForbiddenNamespacePrefixes.Any(p => type.StartsWith(p, StringComparison.Ordinal)))
            {
                found.Add("type " + type);
            }
        }

        foreach (var handle in md.MemberReferences)
        {
            var member = md.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            var name = FullName(md, (TypeReferenceHandle)member.Parent) + "." + md.GetString(member.Name);
            if (ForbiddenMembers.Contains(name))
            {
                found.Add("member " + name);
            }
        }

        Assert.True(found.Count == 0, assembly + " does I/O through:\n" + string.Join('\n', found));
    }

    [Fact]
    public void PurityCheck_FindsFileAccess()
    {
        // The check above must be able to fail: this test assembly reads files, and the same scan finds it.
        using var stream = File.OpenRead(typeof(ProjectDirectionTests).Assembly.Location);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        Assert.Contains(md.TypeReferences, h => FullName(md, h) == "System.IO.File");
    }

    private static readonly string[] ForbiddenAssemblyPrefixes =
        ["System.Net.", "Microsoft.AspNetCore", "Microsoft.Data.", "Npgsql", "Dapper", "Microsoft.Extensions.Hosting", "System.Console"];

    private static readonly string[] ForbiddenNamespacePrefixes = ["System.Net.", "Microsoft.AspNetCore.", "Microsoft.Data.", "Npgsql", "Dapper"];

    private static readonly HashSet<string> ForbiddenTypes = new(StringComparer.Ordinal)
    {
        "System.IO.File", "System.IO.FileInfo", "System.IO.Directory", "System.IO.DirectoryInfo", "System.IO.FileStream",
        "System.IO.FileSystemWatcher", "System.IO.DriveInfo", "System.Console", "System.Diagnostics.Process",
    };

    private static readonly HashSet<string> ForbiddenMembers = new(StringComparer.Ordinal)
    {
        "System.Environment.GetEnvironmentVariable", "System.Environment.GetEnvironmentVariables",
        "System.Environment.SetEnvironmentVariable", "System.Environment.get_CurrentDirectory",
    };

    private static string FullName(MetadataReader md, TypeReferenceHandle handle)
    {
        var type = md.GetTypeReference(handle);
        var name = md.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return FullName(md, (TypeReferenceHandle)type.ResolutionScope) + "+" + name;
        }

        var ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static IEnumerable<string> References(string csproj) =>
        XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')));
}
