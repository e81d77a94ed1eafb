namespace EvalFramework.Collector.Cases;

/// <summary>Filters of <c>GET /api/v1/cases</c>; <see cref="From"/> and <see cref="To"/> apply to the start time, [from, to).</summary>
internal sealed record CaseQuery(string Pilot, string? CaseType, string? Arm, DateTimeOffset? From, DateTimeOffset? To, long After, int Limit);
