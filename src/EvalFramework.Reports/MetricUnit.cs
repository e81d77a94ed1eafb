namespace EvalFramework.Reports;

/// <summary>How a metric's value is written, and how a difference of it is put in words.</summary>
internal enum MetricUnit
{
    /// <summary>A count of cases.</summary>
    Count,

    /// <summary>Cases per week.</summary>
    PerWeek,

    /// <summary>Seconds, written as s, min, h or days; differences relative to the baseline.</summary>
    Seconds,

    /// <summary>A share 0–1, written as a percentage; differences in percentage points.</summary>
    Share,

    /// <summary>A score on the 1–5 scale; differences in points.</summary>
    Score,

    /// <summary>Net promoter score, −100 to 100; differences in points.</summary>
    Nps,

    /// <summary>SEK; differences relative to the baseline.</summary>
    Sek,

    /// <summary>Watt-hours; differences relative to the baseline.</summary>
    Wh,

    /// <summary>Grams CO2e; differences relative to the baseline.</summary>
    GramsCo2e,

    /// <summary>Hours (pilot level).</summary>
    Hours,
}
