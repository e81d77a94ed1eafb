using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Evaluation.Simulation;

/// <summary>
/// What a case type's simulation profile says about a metric in the baseline arm, for planning without history: the
/// baseline mean or share, the standard deviation of one observation (means), and the share of cases that give an
/// observation (reviewed cases for review metrics, surveyed ones for CSAT). Illustrative, as the profiles are.
/// </summary>
/// <param name="Baseline">The baseline arm's mean or share.</param>
/// <param name="StandardDeviation">The standard deviation of one observation; null for shares.</param>
/// <param name="MeasuredShare">The share of cases that give an observation of the metric.</param>
public sealed record ProfileFigures(double Baseline, double? StandardDeviation, double MeasuredShare)
{
    /// <summary>The profile's figures for <paramref name="metric"/>; null for a metric the profile does not describe.</summary>
    /// <param name="profile">The case type's profile.</param>
    /// <param name="metric">A metric key (<see cref="MetricKeys"/>).</param>
    public static ProfileFigures? Of(CaseTypeProfile profile, string metric)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return metric switch
        {
            MetricKeys.ConsistencyRate => new(profile.ConsistencyRate, null, profile.ReviewShare),
            MetricKeys.ErrorRate => new(profile.ErrorRate, null, profile.ReviewShare),
            MetricKeys.AbandonmentRate => new(profile.AbandonedShare, null, 1),
            MetricKeys.RejectionRate => new(profile.RejectedShare, null, 1),
            MetricKeys.IntegrationFailureRate => new(profile.IntegrationFailureRate, null, 1),
            MetricKeys.SurveyResponseRate => new(profile.SurveyResponseRate, null, 1),
            MetricKeys.EffortMean => LogNormal(profile.EffortMedianSeconds, profile.EffortSigma),
            MetricKeys.LeadTimeMean => LogNormal(profile.LeadTimeMedianSeconds, profile.LeadTimeSigma),
            _ => null,
        };
    }

    /// <summary>Mean median·exp(σ²/2) and sd mean·√(exp(σ²) − 1) of a log-normal.</summary>
    private static ProfileFigures LogNormal(double median, double sigma)
    {
        var mean = median * Math.Exp(sigma * sigma / 2);
        return new(mean, mean * Math.Sqrt(Math.Exp(sigma * sigma) - 1), 1);
    }
}
