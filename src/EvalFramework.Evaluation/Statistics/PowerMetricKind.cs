namespace EvalFramework.Evaluation.Statistics;

/// <summary>What kind of figure a planned comparison tests: a difference of means or of shares.</summary>
public enum PowerMetricKind
{
    /// <summary>A mean per observation (effort, lead time, CSAT, cost): needs the baseline's standard deviation.</summary>
    Mean,

    /// <summary>A share of observations (a rate): its standard deviation follows from the share itself.</summary>
    Share,
}
