namespace EvalFramework.Collector.Privacy.Retention;

/// <summary>Body of <c>POST /api/v1/purge</c>.</summary>
internal sealed record PurgeRequest(string? Pilot, string? Before);
