namespace EvalFramework.Testing;

/// <summary>Finds the repository root: the folder holding EvalFramework.sln, walking up from the test binaries.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    /// <summary>The shipped evaluation config, metrics-config/evaluation.yaml.</summary>
    public static string ShippedConfig => System.IO.Path.Combine(Path, "metrics-config", "evaluation.yaml");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "EvalFramework.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EvalFramework.sln not found above " + AppContext.BaseDirectory);
    }
}
