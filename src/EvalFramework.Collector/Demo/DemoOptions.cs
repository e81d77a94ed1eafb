namespace EvalFramework.Collector.Demo;

/// <summary>Demo mode (configuration section <c>Demo</c>; <c>--demo</c> sets <c>Enabled</c>).</summary>
internal sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary><c>Demo:Enabled</c>: demo mode on; default off.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// <c>Demo:BackfillDays</c>: days of simulated history in the first snapshot; default 90. The history sent at start
    /// begins that many days before the default period end (the start of today, UTC, minus <c>followUpDays</c>) and
    /// runs up to now.
    /// </summary>
    public int BackfillDays { get; set; } = 90;

    /// <summary>
    /// <c>Demo:KeyFile</c>: where the demo key is written at each start, for a local Prometheus to scrape
    /// <c>/metrics</c> with (<c>authorization: credentials_file:</c>); default <c>demo-api-key</c> in the data folder,
    /// beside the SQLite file (<c>Storage:SqlitePath</c>). Readable by its owner and group only.
    /// </summary>
    public string? KeyFile { get; set; }

    /// <summary><c>Demo:Seed</c>: the simulation's seed; default 1.</summary>
    public long Seed { get; set; } = 1;
}
