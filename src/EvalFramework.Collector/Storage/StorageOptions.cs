namespace EvalFramework.Collector.Storage;

/// <summary>Where the collector keeps its data (configuration section <c>Storage</c>).</summary>
internal sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Storage:Provider</c>: <c>sqlite</c> (default).</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary><c>Storage:SqlitePath</c>: the SQLite file; default <c>data/evalframework.db</c> (relative to the working directory).</summary>
    public string SqlitePath { get; set; } = "data/evalframework.db";

    /// <summary><c>Storage:MaxEventsPerTransaction</c>: group-commit ceiling; default 5000.</summary>
    public int MaxEventsPerTransaction { get; set; } = 5000;
}
