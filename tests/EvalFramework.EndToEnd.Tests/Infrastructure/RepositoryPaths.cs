namespace EvalFramework.EndToEnd.Tests.Infrastructure;

/// <summary>Finds the repository and the built collector from the test's own output folder.</summary>
public static class RepositoryPaths
{
    public static string Root => RepoRoot.Path;

    /// <summary>The collector built in the same configuration as these tests.</summary>
    public static string CollectorDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var dll = Path.Combine(Root, "src", "EvalFramework.Collector", "bin", configuration, "net10.0", "EvalFramework.Collector.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the collector first (dotnet build EvalFramework.sln).", dll);
        }
    }
}
