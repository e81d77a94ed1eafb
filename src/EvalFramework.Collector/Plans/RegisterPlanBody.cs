using System.Text.Json.Serialization;

namespace EvalFramework.Collector.Plans;

/// <summary>The body of <c>POST /api/v1/plans</c>.</summary>
/// <param name="Pilot">The pilot whose plan (in the collector's evaluation config) to register.</param>
/// <param name="PlanSha256">
/// Optional: the hash of the plan the caller means to register (e.g. of its own copy of the config); the collector
/// refuses when its plan differs, so what is registered is what the caller read.
/// </param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record RegisterPlanBody(string? Pilot, string? PlanSha256);
