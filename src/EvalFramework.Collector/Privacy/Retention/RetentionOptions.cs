namespace EvalFramework.Collector.Privacy.Retention;

/// <summary>Automatic retention (configuration section <c>Retention</c>).</summary>
internal sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary><c>Retention:Days</c>: raw events and case rows older than this many days are deleted every hour; default none (kept until purged).</summary>
    public int? Days { get; set; }
}
