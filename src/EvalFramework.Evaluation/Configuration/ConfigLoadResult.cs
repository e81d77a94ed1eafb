namespace EvalFramework.Evaluation.Configuration;

/// <summary>The outcome of loading an evaluation configuration: the config when it is valid, else every error found.</summary>
/// <param name="Config">The validated configuration, or <see langword="null"/> when there are errors.</param>
/// <param name="Errors">Every problem found, in file order; empty when <paramref name="Config"/> is set.</param>
public sealed record ConfigLoadResult(EvaluationConfig? Config, IReadOnlyList<ConfigError> Errors)
{
    /// <summary>Whether the configuration loaded without errors.</summary>
    public bool IsValid => Config is not null && Errors.Count == 0;

    /// <summary>The result for a config file that could not be read.</summary>
    /// <param name="path">The file, as the caller named it.</param>
    /// <param name="reason">Why it could not be read (the I/O error's message).</param>
    /// <returns>A result holding one error located at the file.</returns>
    public static ConfigLoadResult Unreadable(string path, string reason) =>
        new(null, [new ConfigError(path, 0, "(file)", "cannot read the file: " + reason)]);
}
