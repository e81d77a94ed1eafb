using System.Text.Json.Serialization;

namespace EvalFramework.Collector.Cases;

/// <summary>One row of the <c>cases</c> table as evaluators read it: everything that has arrived for the case.</summary>
internal sealed class CaseRecord
{
    [JsonIgnore]
    public long Id { get; set; }

    public string CaseId { get; set; } = "";

    /// <summary>Null until the case's <c>case.started</c> has arrived (an incomplete case).</summary>
    public string? CaseType { get; set; }

    public string? Arm { get; set; }

    public string? Channel { get; set; }

    /// <summary>The assigned arm of the case's <c>case.started</c> <c>assignment</c>; null without one. A case whose <see cref="Arm"/> differs did not comply.</summary>
    public string? AssignedArm { get; set; }

    /// <summary>What was assigned: case, handler, team or period; null without an assignment.</summary>
    public string? AssignmentUnit { get; set; }

    /// <summary>The assigned unit's id (a pseudonym, team slug or period key); null without an assignment.</summary>
    public string? AssignmentUnitId { get; set; }

    [JsonIgnore]
    public long? StartedMs { get; set; }

    [JsonIgnore]
    public long? CompletedMs { get; set; }

    [JsonIgnore]
    public long UpdatedMs { get; set; }

    public DateTimeOffset? StartedAt => StartedMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    public DateTimeOffset? CompletedAt => CompletedMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    public DateTimeOffset UpdatedAt => DateTimeOffset.FromUnixTimeMilliseconds(UpdatedMs);

    /// <summary>Opened → completed in seconds; null unless both are known.</summary>
    public double? LeadTimeSeconds => StartedMs is { } s && CompletedMs is { } c ? (c - s) / 1000.0 : null;

    public string? Outcome { get; set; }

    public double EffortSeconds { get; set; }

    public long EffortEvents { get; set; }

    public long AiCalls { get; set; }

    public long AiInputTokens { get; set; }

    public long AiOutputTokens { get; set; }

    public double AiDurationMs { get; set; }

    public List<CaseAiUsage> AiByModel { get; set; } = [];

    public long Escalations { get; set; }

    public long ErrorsQualityReview { get; set; }

    public long ErrorsReopened { get; set; }

    public long ErrorsComplaint { get; set; }

    public long ErrorsSelfReported { get; set; }

    public long ErrorsCritical { get; set; }

    public long Reviews { get; set; }

    public long ReviewsIncorrect { get; set; }

    public long ReviewsConsistencySet { get; set; }

    public long ReviewsConsistent { get; set; }

    public long ReviewScores { get; set; }

    public long ReviewScoreSum { get; set; }

    public long IntegrationFailures { get; set; }

    public long CsatCount { get; set; }

    public long CsatSum { get; set; }

    public long NpsCount { get; set; }

    public long NpsPromoters { get; set; }

    public long NpsDetractors { get; set; }
}
