using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EvalFramework.Evaluation.Forecasts;

/// <summary>How long one period of a forecast series is.</summary>
public enum PeriodGranularity
{
    /// <summary>An ISO 8601 week (Monday to Sunday), key <c>2026-W05</c>.</summary>
    Week,

    /// <summary>A calendar month, key <c>2026-05</c>.</summary>
    Month,
}

/// <summary>
/// One period of a forecast series, held as a running index so every lag is an index difference: weeks count from the
/// Monday 0001-01-01 (the week index is (Monday of the ISO week − 0001-01-01) / 7 days), months are 12·year + month − 1.
/// Fifty-two weeks before <c>2026-W53</c> is therefore <c>2026-W01</c>.
/// </summary>
/// <param name="Granularity">Week or month.</param>
/// <param name="Index">The running index of the period within its granularity.</param>
public readonly record struct PeriodKey(PeriodGranularity Granularity, int Index) : IComparable<PeriodKey>
{
    private const int MinYear = 1;
    private const int MaxYear = 9998;

    /// <summary>The seasonal period of the granularity: 52 weeks or 12 months.</summary>
    public static int SeasonalPeriodOf(PeriodGranularity granularity) => granularity == PeriodGranularity.Week ? 52 : 12;

    /// <summary>The ISO year of a week, the calendar year of a month.</summary>
    public int Year => Granularity == PeriodGranularity.Week ? ISOWeek.GetYear(FirstDay.ToDateTime(TimeOnly.MinValue)) : Index / 12;

    /// <summary>The ISO week number (1–53) or the month (1–12).</summary>
    public int Number => Granularity == PeriodGranularity.Week ? ISOWeek.GetWeekOfYear(FirstDay.ToDateTime(TimeOnly.MinValue)) : (Index % 12) + 1;

    /// <summary>The first day of the period: the Monday of the week, the first of the month.</summary>
    public DateOnly FirstDay => Granularity == PeriodGranularity.Week
        ? DateOnly.MinValue.AddDays(Index * 7)
        : new DateOnly(Index / 12, (Index % 12) + 1, 1);

    /// <summary>The ISO week <paramref name="week"/> of ISO year <paramref name="year"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year has no such week.</exception>
    public static PeriodKey Week(int year, int week)
    {
        if (year is < MinYear or > MaxYear || week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            throw new ArgumentOutOfRangeException(nameof(week), string.Create(CultureInfo.InvariantCulture, $"{year} has no ISO week {week}."));
        }

        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return new PeriodKey(PeriodGranularity.Week, monday.DayNumber / 7);
    }

    /// <summary>The month <paramref name="month"/> of <paramref name="year"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The month or year is out of range.</exception>
    public static PeriodKey Month(int year, int month)
    {
        if (year is < MinYear or > MaxYear || month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), string.Create(CultureInfo.InvariantCulture, $"{year}-{month} is not a month."));
        }

        return new PeriodKey(PeriodGranularity.Month, (12 * year) + month - 1);
    }

    /// <summary>The period of the given granularity that contains <paramref name="time"/>, taken in UTC.</summary>
    public static PeriodKey Containing(PeriodGranularity granularity, DateTimeOffset time)
    {
        var day = DateOnly.FromDateTime(time.UtcDateTime);
        return granularity == PeriodGranularity.Week
            ? new PeriodKey(PeriodGranularity.Week, day.DayNumber / 7)
            : Month(day.Year, day.Month);
    }

    /// <summary>Parses <c>YYYY-Www</c> (ISO week, two-digit week) or <c>YYYY-MM</c>; false for anything else.</summary>
    public static bool TryParse(string? text, out PeriodKey key)
    {
        key = default;
        if (text is null || text.Length < 7 || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year is < MinYear or > MaxYear)
        {
            return false;
        }

        if (text.Length == 8 && text[5] == 'W')
        {
            if (!int.TryParse(text.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var week)
                || week < 1 || week > ISOWeek.GetWeeksInYear(year))
            {
                return false;
            }

            key = Week(year, week);
            return true;
        }

        if (text.Length == 7 && int.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && month is >= 1 and <= 12)
        {
            key = Month(year, month);
            return true;
        }

        return false;
    }

    /// <summary>Parses a key as <see cref="TryParse(string?, out PeriodKey)"/> does.</summary>
    /// <exception cref="FormatException">The text is not a week or month key.</exception>
    public static PeriodKey Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException($"'{text}' is not a period key (YYYY-Www or YYYY-MM).");

    /// <summary>Parses a key and requires the given granularity.</summary>
    public static bool TryParse(string? text, PeriodGranularity granularity, [NotNullWhen(true)] out PeriodKey? key)
    {
        key = TryParse(text, out var parsed) && parsed.Granularity == granularity ? parsed : null;
        return key is not null;
    }

    /// <summary>The period <paramref name="periods"/> later (earlier when negative).</summary>
    public PeriodKey Offset(int periods) => this with { Index = Index + periods };

    /// <summary>
    /// The horizon of a forecast of this period issued at <paramref name="issuedAt"/>: this period's index minus the
    /// index of the period (same granularity, UTC) containing the issue time. Issued in W10 for W11 gives 1; zero or
    /// less means the forecast was issued inside or after the period (late, not scored).
    /// </summary>
    public int HorizonFrom(DateTimeOffset issuedAt) => Index - Containing(Granularity, issuedAt).Index;

    /// <summary>The period before this one.</summary>
    public PeriodKey Previous() => Offset(-1);

    /// <summary>How many periods <paramref name="later"/> lies after <paramref name="earlier"/> (same granularity).</summary>
    /// <exception cref="ArgumentException">The granularities differ.</exception>
    public static int operator -(PeriodKey later, PeriodKey earlier) =>
        later.Granularity == earlier.Granularity
            ? later.Index - earlier.Index
            : throw new ArgumentException("Period keys of different granularity cannot be subtracted.", nameof(earlier));

    /// <summary>Orders by granularity, then time.</summary>
    public int CompareTo(PeriodKey other) =>
        Granularity != other.Granularity ? Granularity.CompareTo(other.Granularity) : Index.CompareTo(other.Index);

    /// <summary>Earlier than.</summary>
    public static bool operator <(PeriodKey left, PeriodKey right) => left.CompareTo(right) < 0;

    /// <summary>Later than.</summary>
    public static bool operator >(PeriodKey left, PeriodKey right) => left.CompareTo(right) > 0;

    /// <summary>Not later than.</summary>
    public static bool operator <=(PeriodKey left, PeriodKey right) => left.CompareTo(right) <= 0;

    /// <summary>Not earlier than.</summary>
    public static bool operator >=(PeriodKey left, PeriodKey right) => left.CompareTo(right) >= 0;

    /// <summary>The key text: <c>2026-W05</c> or <c>2026-05</c>.</summary>
    public override string ToString() => Granularity == PeriodGranularity.Week
        ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Number:D2}")
        : string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}");
}
