using System.Text.Json;

namespace EvalFramework.Collector.Plans;

/// <summary>
/// A pilot's registered analysis plan, as <c>/api/v1/plans</c> answers it: the plan's hash, when it was registered and
/// the plan itself (its canonical JSON, what the hash is of).
/// </summary>
/// <param name="Pilot">The pilot slug.</param>
/// <param name="Sha256">The registered plan's SHA-256 (<c>AnalysisPlan.Sha256</c>).</param>
/// <param name="RegisteredAt">When it was registered.</param>
/// <param name="Plan">The registered plan: <c>{alpha, guardrails, primary}</c>.</param>
internal sealed record PlanRegistration(string Pilot, string Sha256, DateTimeOffset RegisteredAt, JsonElement Plan);
