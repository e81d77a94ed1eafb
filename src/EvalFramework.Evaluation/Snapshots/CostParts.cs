namespace EvalFramework.Evaluation.Snapshots;

/// <summary>Mean cost per completed case split by part (SEK); the parts add up to <c>cost_per_case_sek</c>.</summary>
/// <param name="StaffSek">Staff effort at the roles' loaded hourly cost.</param>
/// <param name="AiSek">AI tokens at the price table, or the events' own <c>costSek</c>.</param>
/// <param name="FixedSek">The arm's fixed monthly costs spread over its completed cases of each month.</param>
/// <param name="MaintenanceSek">The arm's maintenance cost spread the same way.</param>
public sealed record CostParts(double StaffSek, double AiSek, double FixedSek, double MaintenanceSek);
