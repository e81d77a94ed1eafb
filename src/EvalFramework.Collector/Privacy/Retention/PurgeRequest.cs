using System.Text.Json.Serialization;

namespace EvalFramework.Collector.Privacy.Retention;

/// <summary>Body of <c>POST /api/v1/purge</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record PurgeRequest(string? Pilot, string? Before);
