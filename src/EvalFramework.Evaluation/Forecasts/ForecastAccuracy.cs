namespace EvalFramework.Evaluation.Forecasts;

/// <summary>
/// The point accuracy of one forecaster over the scored periods of one series and horizon. The error is
/// e = actual − forecast (Hyndman and Athanasopoulos, FPP3 §5.8; R <c>accuracy()</c>), so a positive bias means the
/// forecasts were too low on average.
/// </summary>
/// <param name="Count">Scored periods n.</param>
/// <param name="MeanAbsoluteError">MAE = (1/n) Σ |e|.</param>
/// <param name="Bias">Mean error (1/n) Σ e; positive = under-forecast.</param>
/// <param name="MeanAbsolutePercentageError">MAPE = 100 · (1/n) Σ |e / actual|; null when an actual is zero or negative.</param>
public sealed record PointAccuracy(int Count, double MeanAbsoluteError, double Bias, double? MeanAbsolutePercentageError)
{
    /// <summary>Why <see cref="MeanAbsolutePercentageError"/> is null: <see cref="ForecastAccuracy.ActualZero"/>, else null.</summary>
    public string? MapeNullReason => MeanAbsolutePercentageError is null ? ForecastAccuracy.ActualZero : null;
}

/// <summary>
/// The scale of the mean absolute scaled error (Hyndman and Koehler 2006): the mean absolute seasonal difference
/// |y_t − y_{t−m}| of the in-sample history.
/// </summary>
/// <param name="Scale">Q; null when it cannot be used (see <see cref="NullReason"/>).</param>
/// <param name="SeasonalPeriod">The lag m actually used: the series' seasonal period, or 1 when the history is shorter than m + 1.</param>
/// <param name="Pairs">How many pairs (y_t, y_{t−m}) Q averages.</param>
/// <param name="NullReason"><see cref="ForecastAccuracy.InsufficientHistory"/> or <see cref="ForecastAccuracy.ZeroScale"/> when Q is null.</param>
public sealed record MaseScale(double? Scale, int SeasonalPeriod, int Pairs, string? NullReason)
{
    /// <summary>MASE = MAE / Q; null when Q is.</summary>
    public double? Mase(double meanAbsoluteError) => Scale is { } q ? meanAbsoluteError / q : null;
}

/// <summary>How well the prediction intervals of one level held the actuals.</summary>
/// <param name="Level">The stated level, e.g. 0.80.</param>
/// <param name="Count">Scored periods n.</param>
/// <param name="Inside">Periods with lower ≤ actual ≤ upper (closed interval).</param>
/// <param name="MeanWinklerScore">Mean Winkler (interval) score; lower is better.</param>
public sealed record IntervalAccuracy(double Level, int Count, int Inside, double MeanWinklerScore)
{
    /// <summary>Share of periods whose actual lay inside the interval, to set beside <see cref="Level"/>.</summary>
    public double Coverage => Count == 0 ? double.NaN : (double)Inside / Count;
}

/// <summary>
/// Accuracy measures of point forecasts and prediction intervals (FPP3 §5.8–5.9): MAE, bias, MAPE, the MASE scale,
/// interval coverage and the Winkler score.
/// </summary>
public static class ForecastAccuracy
{
    /// <summary>MAPE is null because an actual is zero (or negative).</summary>
    public const string ActualZero = "actual_zero";

    /// <summary>MASE is null because the history has fewer than two values.</summary>
    public const string InsufficientHistory = "insufficient_history";

    /// <summary>MASE is null because the history's scale is zero (a constant history).</summary>
    public const string ZeroScale = "zero_scale";

    /// <summary>MAE, bias and MAPE of paired actuals and point forecasts.</summary>
    /// <exception cref="ArgumentException">The lists differ in length or are empty.</exception>
    public static PointAccuracy Score(IReadOnlyList<double> actuals, IReadOnlyList<double> forecasts)
    {
        RequirePaired(actuals, forecasts, nameof(forecasts));
        var n = actuals.Count;
        double absolute = 0, signed = 0, percentage = 0;
        var mapeDefined = true;
        for (var t = 0; t < n; t++)
        {
            var e = actuals[t] - forecasts[t];
            absolute += Math.Abs(e);
            signed += e;
            if (actuals[t] > 0)
            {
                percentage += Math.Abs(e / actuals[t]);
            }
            else
            {
                mapeDefined = false;
            }
        }

        return new PointAccuracy(n, absolute / n, signed / n, mapeDefined ? 100 * percentage / n : null);
    }

    /// <summary>
    /// The MASE scale from the in-sample history (contiguous periods before the first scored one, oldest first; null =
    /// missing actual, which drops the pairs it belongs to). The lag is <paramref name="seasonalPeriod"/> (52 weekly,
    /// 12 monthly) when the history holds at least m + 1 values, else 1.
    /// </summary>
    public static MaseScale Scale(IReadOnlyList<double?> history, int seasonalPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seasonalPeriod, 1);
        var values = history.Count(v => v is not null);
        var m = values >= seasonalPeriod + 1 ? seasonalPeriod : 1;
        if (values < 2)
        {
            return new MaseScale(null, m, 0, InsufficientHistory);
        }

        double sum = 0;
        var pairs = 0;
        for (var t = m; t < history.Count; t++)
        {
            if (history[t] is { } now && history[t - m] is { } before)
            {
                sum += Math.Abs(now - before);
                pairs++;
            }
        }

        if (pairs == 0)
        {
            return new MaseScale(null, m, 0, InsufficientHistory);
        }

        var q = sum / pairs;
        return q > 0 ? new MaseScale(q, m, pairs, null) : new MaseScale(null, m, pairs, ZeroScale);
    }

    /// <summary>
    /// Coverage and mean Winkler score of intervals stated at <paramref name="level"/>: with α = 1 − level, a period
    /// scores (u − l) plus (2/α)(l − y) below the interval or (2/α)(y − u) above it (Winkler 1972; Gneiting and
    /// Raftery 2007 §6.2).
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length or are empty, or the level is not in (0, 1).</exception>
    public static IntervalAccuracy ScoreIntervals(IReadOnlyList<double> actuals, IReadOnlyList<double> lower, IReadOnlyList<double> upper, double level)
    {
        RequirePaired(actuals, lower, nameof(lower));
        RequirePaired(actuals, upper, nameof(upper));
        if (!(level is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The level must lie strictly between 0 and 1.");
        }

        var penalty = 2 / (1 - level);
        var inside = 0;
        double score = 0;
        for (var t = 0; t < actuals.Count; t++)
        {
            double y = actuals[t], l = lower[t], u = upper[t];
            score += u - l;
            if (y < l)
            {
                score += penalty * (l - y);
            }
            else if (y > u)
            {
                score += penalty * (y - u);
            }
            else
            {
                inside++;
            }
        }

        return new IntervalAccuracy(level, actuals.Count, inside, score / actuals.Count);
    }

    private static void RequirePaired(IReadOnlyList<double> actuals, IReadOnlyList<double> other, string name)
    {
        if (actuals.Count == 0)
        {
            throw new ArgumentException("At least one scored period is needed.", nameof(actuals));
        }

        if (other.Count != actuals.Count)
        {
            throw new ArgumentException("Every actual needs its paired value.", name);
        }
    }
}
