namespace EvalFramework.Evaluation.Forecasts;

/// <summary>One forecast of the framework's baseline and the period whose actual it repeats.</summary>
/// <param name="Period">The forecast period.</param>
/// <param name="Source">The earlier period whose actual is the forecast (shown as "same week a year earlier (v. 11 2026)").</param>
/// <param name="Value">The forecast: the actual of <paramref name="Source"/>.</param>
public sealed record BaselineForecast(PeriodKey Period, PeriodKey Source, double Value);

/// <summary>
/// The framework's baseline forecaster (reserved arm name <see cref="ArmName"/>): the actual of the same period a year
/// earlier — 52 weeks (so <c>2026-W53</c> repeats <c>2026-W01</c>) or 12 months — when the series has a year of
/// history before its first scored period and h ≤ m (FPP3 §5.2, R <c>snaive</c>); otherwise the naive forecast, the
/// last period known at issue time, y(p − h). It is computed from the actuals, so it is never late and is reproducible.
/// </summary>
public static class SeasonalNaive
{
    /// <summary>The reserved forecaster name of the baseline, never accepted on the wire.</summary>
    public const string ArmName = "seasonal_naive";

    /// <summary>Baseline method name when a year of history exists.</summary>
    public const string SeasonalMethod = "seasonal_naive";

    /// <summary>Baseline method name without a year of history: the last period known at issue time.</summary>
    public const string NaiveMethod = "naive";

    /// <summary>
    /// Whether the series has a year of history: at least m + 1 actuals before <paramref name="firstScored"/>, the same
    /// rule that makes MASE fall back to lag 1.
    /// </summary>
    public static bool HasYearOfHistory(IReadOnlyDictionary<PeriodKey, double> actuals, PeriodKey firstScored)
    {
        var m = PeriodKey.SeasonalPeriodOf(firstScored.Granularity);
        return actuals.Keys.Count(k => k.Granularity == firstScored.Granularity && k < firstScored) >= m + 1;
    }

    /// <summary>The baseline method of a series: <see cref="SeasonalMethod"/> or <see cref="NaiveMethod"/>.</summary>
    public static string MethodFor(IReadOnlyDictionary<PeriodKey, double> actuals, PeriodKey firstScored) =>
        HasYearOfHistory(actuals, firstScored) ? SeasonalMethod : NaiveMethod;

    /// <summary>
    /// The period whose actual forecasts <paramref name="period"/> at horizon <paramref name="horizon"/>:
    /// p − m when <paramref name="seasonal"/> and h ≤ m, else p − h.
    /// </summary>
    public static PeriodKey SourceOf(PeriodKey period, int horizon, bool seasonal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        var m = PeriodKey.SeasonalPeriodOf(period.Granularity);
        return period.Offset(-(seasonal && horizon <= m ? m : horizon));
    }

    /// <summary>
    /// The baseline forecast of <paramref name="period"/> at <paramref name="horizon"/>; null when the source period's
    /// actual is missing (counted by the caller, never imputed).
    /// </summary>
    public static BaselineForecast? Forecast(IReadOnlyDictionary<PeriodKey, double> actuals, PeriodKey period, int horizon, bool seasonal)
    {
        var source = SourceOf(period, horizon, seasonal);
        return actuals.TryGetValue(source, out var value) ? new BaselineForecast(period, source, value) : null;
    }
}
