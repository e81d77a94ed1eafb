namespace EvalFramework.Evaluation.Configuration;

/// <summary>The outcome of loading an evaluation configuration: the config when it is valid, else every error found.</summary>
/// <param name="Config">The validated configuration, or <see langword="null"/> when there are errors.</param>
/// <param name="Errors">Every problem found, in file order; empty when <paramref name="Config"/> is set.</param>
public sealed record ConfigLoadResult(EvaluationConfig? Config, IReadOnlyList<ConfigError> Errors)
{
    /// <summary>Whether the configuration loaded without errors.</summary>
    public bool IsValid => Config is not null && Errors.Count == 0;
}
