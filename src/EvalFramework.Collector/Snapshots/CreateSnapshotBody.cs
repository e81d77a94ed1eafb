using System.Text.Json.Serialization;

namespace EvalFramework.Collector.Snapshots;

/// <summary>The body of <c>POST /api/v1/snapshots</c>; without <c>to</c> the period ends at <see cref="Evaluation.Snapshots.DefaultPeriodEnd"/>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record CreateSnapshotBody(string? Pilot, string? From, string? To);
