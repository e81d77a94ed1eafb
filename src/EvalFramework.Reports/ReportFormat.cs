using System.Globalization;

namespace EvalFramework.Reports;

/// <summary>
/// Numbers, units and dates in the report's language: grouping and decimal mark of the culture, the real minus sign,
/// a no-break space before units and "%", one scale for a value and its interval so they read alike.
/// </summary>
internal sealed class ReportFormat(ReportText text)
{
    /// <summary>Between a number and its unit.</summary>
    public const string UnitSpace = "\u00A0";

    private const double SecondsPerMinute = 60;
    private const double SecondsPerHour = 3600;
    private const double SecondsPerDay = 86_400;

    public ReportText Text { get; } = text;

    private CultureInfo Culture => Text.Culture;

    /// <summary>A whole number with the culture's grouping.</summary>
    public string Count(long n) => n.ToString("N0", Culture);

    /// <summary>A number with the given decimals.</summary>
    public string Number(double value, int decimals)
    {
        var format = "N" + decimals.ToString(CultureInfo.InvariantCulture);
        var text = value.ToString(format, Culture);

        // A value that rounds to zero is written without a sign ("0.0", not "−0.0").
        return text.Any(c => c is >= '1' and <= '9') ? text : 0.0.ToString(format, Culture);
    }

    /// <summary>A number with a sign (+ for positive, the real minus for negative).</summary>
    public string Signed(double value, int decimals)
    {
        var number = Number(value, decimals);
        return value > 0 && number.Any(c => c is >= '1' and <= '9') ? "+" + number : number;
    }

    /// <summary>A share (0.21) as a percentage ("21 %"); one decimal below 10 %.</summary>
    public string Percent(double share)
    {
        var percent = share * 100;
        return Number(percent, Math.Abs(percent) >= 10 || percent == 0 ? 0 : 1) + UnitSpace + "%";
    }

    /// <summary>A confidence level (0.95) as "95 %".</summary>
    public string Level(double level)
    {
        var percent = level * 100;
        return Number(percent, percent == Math.Round(percent) ? 0 : 1) + UnitSpace + "%";
    }

    /// <summary>A date, e.g. "3 March 2025" / "3 mars 2025" (UTC).</summary>
    public string Date(DateTimeOffset time) => time.UtcDateTime.ToString("d MMMM yyyy", Culture);

    /// <summary>A short date for chart labels, e.g. "3 Mar" / "3 mars".</summary>
    public string ShortDate(DateTimeOffset time) => time.UtcDateTime.ToString("d MMM", Culture).TrimEnd('.');

    /// <summary>A date and time in UTC.</summary>
    public string DateTime(DateTimeOffset time) => time.UtcDateTime.ToString("d MMMM yyyy HH:mm", Culture) + " UTC";

    /// <summary>
    /// The period [from, to) as people read it: from midnight to midnight as the first and last day ("3 March 2025 –
    /// 13 April 2025"), otherwise as times.
    /// </summary>
    public string Period(DateTimeOffset from, DateTimeOffset to)
    {
        var whole = from.UtcDateTime.TimeOfDay == TimeSpan.Zero && to.UtcDateTime.TimeOfDay == TimeSpan.Zero;
        return whole ? Date(from) + " – " + Date(to.AddDays(-1)) : DateTime(from) + " – " + DateTime(to);
    }

    /// <summary>Two ends of a range, with a dash, or with "to" when a negative sign would make a dash unreadable.</summary>
    public string Range(double low, double high, Func<double, string> format) =>
        low < 0 || high < 0 ? format(low) + Text.RangeTo + format(high) : format(low) + "–" + format(high);

    /// <summary>A metric value with its unit, e.g. "12.5 min", "4.7 %", "31.64 SEK".</summary>
    public string Value(MetricUnit unit, double value) => WithUnit(Scale(unit, Math.Abs(value)), value);

    /// <summary>An interval in the value's scale, e.g. "10.1–14.9 min".</summary>
    public string Interval(MetricUnit unit, double low, double high, double reference)
    {
        var scale = Scale(unit, Math.Abs(reference));
        return Range(low, high, v => Number(v / scale.Divisor, scale.Decimals)) + scale.Suffix;
    }

    /// <summary>A signed difference with its interval for tables, e.g. "−3.2 min (−4.0 to −2.4)".</summary>
    public string Difference(MetricUnit unit, double difference, double? low, double? high)
    {
        var scale = DifferenceScale(unit, Math.Abs(difference));
        var text = Signed(difference / scale.Divisor, scale.Decimals) + scale.Suffix;
        return low is { } l && high is { } h
            ? text + " (" + Range(l, h, v => Number(v / scale.Divisor, scale.Decimals)) + ")"
            : text;
    }

    /// <summary>The size of a difference in its own unit, without sign ("1.2 percentage points", "3.5 min").</summary>
    public string Magnitude(MetricUnit unit, double size, double reference) =>
        WithUnit(DifferenceScale(unit, Math.Abs(reference)), Math.Abs(size));

    /// <summary>Numbers of a difference in its own unit without the unit (for ranges), and the unit suffix.</summary>
    public (Func<double, string> Number, string Suffix) DifferenceParts(MetricUnit unit, double reference)
    {
        var scale = DifferenceScale(unit, Math.Abs(reference));
        return (v => Number(v / scale.Divisor, scale.Decimals), scale.Suffix);
    }

    /// <summary>The scale of a value: what to divide by, how many decimals, which unit follows.</summary>
    public (double Divisor, int Decimals, string Suffix) Scale(MetricUnit unit, double reference) => unit switch
    {
        MetricUnit.Count => (1, 0, ""),
        MetricUnit.PerWeek => (1, 1, ""),
        MetricUnit.Share => (0.01, 1, UnitSpace + "%"),
        MetricUnit.Score => (1, 2, ""),
        MetricUnit.Nps => (1, 0, ""),
        MetricUnit.Sek => (1, reference is >= 10 or 0 ? 0 : 2, UnitSpace + Text.SekUnit),
        MetricUnit.Wh => (1, Decimals(reference), UnitSpace + "Wh"),
        MetricUnit.GramsCo2e => (1, Decimals(reference), UnitSpace + "g"),
        MetricUnit.Hours => (1, 1, UnitSpace + "h"),
        _ => Duration(reference),
    };

    private (double Divisor, int Decimals, string Suffix) DifferenceScale(MetricUnit unit, double reference) => unit switch
    {
        MetricUnit.Share => (0.01, 1, UnitSpace + Text.PercentagePoints),
        MetricUnit.Score => (1, 2, UnitSpace + Text.Points),
        MetricUnit.Nps => (1, 0, UnitSpace + Text.Points),
        _ => Scale(unit, reference),
    };

    private (double Divisor, int Decimals, string Suffix) Duration(double seconds)
    {
        var (divisor, suffix) = seconds switch
        {
            < 90 => (1.0, "s"),
            < 90 * SecondsPerMinute => (SecondsPerMinute, "min"),
            < 2 * SecondsPerDay => (SecondsPerHour, "h"),
            _ => (SecondsPerDay, Text.DaysUnit),
        };
        var scaled = seconds / divisor;
        return (divisor, scaled >= 100 || scaled == 0 || (divisor == 1 && scaled >= 10) ? 0 : scaled >= 1 ? 1 : 2, UnitSpace + suffix);
    }

    private string WithUnit((double Divisor, int Decimals, string Suffix) scale, double value) =>
        Number(value / scale.Divisor, scale.Decimals) + scale.Suffix;

    /// <summary>Decimals that keep about three significant digits (at most four decimals; none for zero).</summary>
    private static int Decimals(double magnitude) => magnitude switch
    {
        0 or >= 100 => 0,
        >= 10 => 1,
        >= 1 => 2,
        _ => Math.Min(4, 2 + (int)Math.Floor(-Math.Log10(magnitude))),
    };
}
