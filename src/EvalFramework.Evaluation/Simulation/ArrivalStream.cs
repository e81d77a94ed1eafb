using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Simulation;

/// <summary>
/// The arrivals of one case type: a non-homogeneous Poisson process drawn by thinning (Lewis and Shedler 1979).
/// The rate is the yearly volume times a seasonal curve (spring peak, summer dip) times a weekly shape (opening
/// hours in Swedish local time, a lunch dip, weekends), each normalised to mean 1, so the volume per year holds.
/// </summary>
internal sealed class ArrivalStream : IEventSource
{
    private const double SecondsPerYear = 365.2425 * 86_400;
    private const double SpringPeakDay = 125;
    private const double SpringPeakWidth = 25;
    private const double SummerDipDay = 200;
    private const double SummerDipWidth = 15;

    private readonly CaseTypeModel _caseType;
    private readonly SeededRandom _random;
    private readonly long _endTicks;
    private readonly double _seasonMean;
    private readonly double _weekMean;
    private readonly double _baseRate;
    private readonly double _maxRate;
    private double _ticks;
    private long _number;

    public ArrivalStream(CaseTypeModel caseType, long seed, long startTicks, long endTicks, double volumeScale)
    {
        _caseType = caseType;
        _random = new SeededRandom(StreamSeeds.Derive(seed, StreamSeeds.ArrivalsBase + caseType.Index, 0));
        _endTicks = endTicks;
        var profile = caseType.Profile;
        var season = Enumerable.Range(0, 3650).Select(i => Season(profile, i / 10.0)).ToList();
        _seasonMean = season.Average();
        var openHours = profile.OpenToHour - profile.OpenFromHour
            - (profile.LunchDip * Math.Max(0, Math.Min(13, profile.OpenToHour) - Math.Max(12, profile.OpenFromHour)));
        _weekMean = (5 + (2 * profile.WeekendWeight)) * openHours / (7 * 24);
        _baseRate = profile.CasesPerYear * volumeScale / SecondsPerYear;
        // 1 % headroom: the curve's top may lie between the grid points, and thinning needs a rate that is never exceeded.
        _maxRate = 1.01 * _baseRate * season.Max() / _seasonMean / _weekMean * Math.Max(1, profile.WeekendWeight);
        _ticks = startTicks;
        Advance();
    }

    /// <inheritdoc />
    public long NextTicks { get; private set; }

    /// <inheritdoc />
    public void Produce(EventQueue queue)
    {
        _caseType.AddCase(_number++, NextTicks, queue);
        Advance();
    }

    /// <summary>The arrival rate per second at a UTC instant.</summary>
    internal double Rate(DateTime utc)
    {
        var local = SwedishTime.ToLocal(utc);
        var profile = _caseType.Profile;
        var hour = local.TimeOfDay.TotalHours;
        if (hour < profile.OpenFromHour || hour >= profile.OpenToHour)
        {
            return 0;
        }

        var week = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? profile.WeekendWeight : 1;
        if (hour is >= 12 and < 13)
        {
            week *= 1 - profile.LunchDip;
        }

        return _baseRate * Season(profile, local.DayOfYear - 1 + hour / 24) / _seasonMean * week / _weekMean;
    }

    /// <summary>The seasonal curve at a day of the year (0 = 1 January), before normalisation.</summary>
    private static double Season(CaseTypeProfile profile, double day) =>
        1 + (profile.SpringPeak * Bell(day, SpringPeakDay, SpringPeakWidth)) - (profile.SummerDip * Bell(day, SummerDipDay, SummerDipWidth));

    private static double Bell(double x, double centre, double width) => Math.Exp(-0.5 * Math.Pow((x - centre) / width, 2));

    private void Advance()
    {
        if (_maxRate <= 0 || !double.IsFinite(_maxRate))
        {
            NextTicks = long.MaxValue;
            return;
        }

        while (true)
        {
            _ticks += _random.Exponential(_maxRate) * TimeSpan.TicksPerSecond;
            if (_ticks >= _endTicks)
            {
                NextTicks = long.MaxValue;
                return;
            }

            var at = EventQueue.Time(_ticks);
            if (_random.NextDouble() * _maxRate < Rate(at.UtcDateTime))
            {
                NextTicks = at.UtcTicks;
                return;
            }
        }
    }
}
