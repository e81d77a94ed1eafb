namespace EvalFramework.Collector.Privacy.Retention;

/// <summary>What a purge deleted.</summary>
internal sealed record PurgeResult(string Pilot, DateTimeOffset Before, int EventsDeleted, int CasesDeleted);
