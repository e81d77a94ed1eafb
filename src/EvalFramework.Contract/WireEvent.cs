using System.Text.Json.Serialization;

namespace EvalFramework.Contract;

/// <summary>
/// One event of wire contract v1. A single flat shape carries every event type: <see cref="Type"/>
/// says which of the optional fields belong to it (see <see cref="EventTypes"/>).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class WireEvent
{
    /// <summary>Client-made unique id, 1–64 of <c>[A-Za-z0-9_-]</c>; the idempotency key.</summary>
    public string? Id { get; set; }

    /// <summary>One of <see cref="EventTypes"/>.</summary>
    public string? Type { get; set; }

    /// <summary>When it happened (RFC 3339 with offset on the wire); not before 2000-01-01, at most five minutes in the future.</summary>
    [JsonConverter(typeof(Rfc3339Converter))]
    public DateTimeOffset? Time { get; set; }

    /// <summary>The pilot's slug, <c>[a-z0-9][a-z0-9-]{0,62}</c>.</summary>
    public string? Pilot { get; set; }

    /// <summary>Pseudonymous case reference (1–128 characters, no control or invisible formatting characters); required for case events.</summary>
    public string? CaseId { get; set; }

    /// <summary>Optional string-to-string attributes: at most 16, slug keys of at most 64, values of at most 256 characters.</summary>
    public Dictionary<string, string>? Attributes { get; set; }

    /// <summary><c>case.started</c>: the case type (slug).</summary>
    public string? CaseType { get; set; }

    /// <summary><c>case.started</c> and <c>survey.staff</c> (required), <c>pilot.maintenance</c> (optional): the arm (slug).</summary>
    public string? Arm { get; set; }

    /// <summary><c>case.started</c>: the channel (optional slug).</summary>
    public string? Channel { get; set; }

    /// <summary><c>case.started</c>: how the case reached its arm (contract v2, optional).</summary>
    public WireAssignment? Assignment { get; set; }

    /// <summary><c>case.completed</c>: one of <see cref="CaseOutcomes"/>.</summary>
    public string? Outcome { get; set; }

    /// <summary><c>ai.usage</c>: the model name.</summary>
    public string? Model { get; set; }

    /// <summary><c>ai.usage</c>: input (prompt) tokens, ≥ 0.</summary>
    public long? InputTokens { get; set; }

    /// <summary><c>ai.usage</c>: output (completion) tokens, ≥ 0.</summary>
    public long? OutputTokens { get; set; }

    /// <summary><c>ai.usage</c>: optional processing time in milliseconds.</summary>
    public double? DurationMs { get; set; }

    /// <summary><c>ai.usage</c>: optional cost in SEK; overrides the configured price table.</summary>
    public double? CostSek { get; set; }

    /// <summary><c>human.effort</c>: the staff role (slug).</summary>
    public string? Role { get; set; }

    /// <summary><c>human.effort</c>: staff seconds, ≥ 0.001 and ≤ 86400.</summary>
    public double? Seconds { get; set; }

    /// <summary><c>case.escalated</c>: optional reason (slug).</summary>
    public string? Reason { get; set; }

    /// <summary><c>case.error</c>: one of <see cref="ErrorSources"/>.</summary>
    public string? Source { get; set; }

    /// <summary><c>case.error</c>: one of <see cref="ErrorSeverities"/>.</summary>
    public string? Severity { get; set; }

    /// <summary><c>quality.review</c>: whether the answer was correct.</summary>
    public bool? Correct { get; set; }

    /// <summary><c>quality.review</c>: optional, whether the answer agreed with guidelines and earlier answers.</summary>
    public bool? Consistent { get; set; }

    /// <summary><c>quality.review</c>: optional score 1–5.</summary>
    public int? Score { get; set; }

    /// <summary><c>integration.failure</c>: the other system (slug).</summary>
    [JsonPropertyName("system")]
    public string? TargetSystem { get; set; }

    /// <summary><c>integration.failure</c> and <c>pilot.maintenance</c>: what kind (slug).</summary>
    public string? Kind { get; set; }

    /// <summary><c>survey.citizen</c>: customer satisfaction 1–5.</summary>
    public int? Csat { get; set; }

    /// <summary><c>survey.citizen</c>: optional likelihood to recommend 0–10.</summary>
    public int? Nps { get; set; }

    /// <summary><c>survey.staff</c>: the team (slug).</summary>
    public string? Team { get; set; }

    /// <summary><c>survey.staff</c>: well-being 1–5.</summary>
    public int? Wellbeing { get; set; }

    /// <summary><c>survey.staff</c>: workload 1–5.</summary>
    public int? Workload { get; set; }

    /// <summary><c>survey.staff</c>: stress 1–5.</summary>
    public int? Stress { get; set; }

    /// <summary><c>pilot.maintenance</c>: hours spent, ≥ 0.001 and ≤ 8784.</summary>
    public double? Hours { get; set; }

    /// <summary>
    /// <c>survey.staff</c>: the staff member's pseudonym (contract v2, optional): 64 lower-case hex digits, the HMAC-SHA256
    /// the SDK makes, so the repeated answers of one person are one unit.
    /// </summary>
    public string? Respondent { get; set; }
}
