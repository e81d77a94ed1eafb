namespace EvalFramework.Evaluation.Statistics;

/// <summary>The predicted power of a comparison after a number of weeks, with what it rests on.</summary>
/// <param name="Weeks">The pilot's length in weeks.</param>
/// <param name="BaselineObservations">Expected observations in the baseline arm.</param>
/// <param name="TreatmentObservations">Expected observations in the treatment arm.</param>
/// <param name="BaselineUnits">Units (teams, handlers, periods) in the baseline arm; 0 for a case-level design.</param>
/// <param name="TreatmentUnits">Units in the treatment arm; 0 for a case-level design.</param>
/// <param name="DesignEffect">The variance inflation of clustering, 1 + ((1 + CV²) n̄ − 1) ICC (1 for a case-level design; the arms' average weighted by their variance).</param>
/// <param name="StandardError">The standard error of the difference.</param>
/// <param name="DegreesOfFreedom">The test's degrees of freedom (infinite for the normal test of shares at case level).</param>
/// <param name="Power">The chance that the two-sided test at level α finds the difference.</param>
public sealed record PowerEstimate(
    int Weeks,
    double BaselineObservations,
    double TreatmentObservations,
    int BaselineUnits,
    int TreatmentUnits,
    double DesignEffect,
    double StandardError,
    double DegreesOfFreedom,
    double Power);
