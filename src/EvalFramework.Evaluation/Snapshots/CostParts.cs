namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// Mean cost per closed case split by part (SEK); the parts add up to <c>cost_per_case_sek</c>, and
/// <see cref="FixedSek"/> + <see cref="MaintenanceSek"/> to <c>overhead_per_case_sek</c>.
/// </summary>
/// <param name="StaffSek">Staff effort at the roles' loaded hourly cost.</param>
/// <param name="AiSek">AI tokens at the price table, or the events' own <c>costSek</c>.</param>
/// <param name="FixedSek">
/// The arm's fixed monthly costs pro-rated to the days of the period and its amortised one-off costs, over its closed cases.
/// </param>
/// <param name="MaintenanceSek">The arm's maintenance cost of the period (one-off kinds amortised), spread the same way.</param>
public sealed record CostParts(double StaffSek, double AiSek, double FixedSek, double MaintenanceSek);
