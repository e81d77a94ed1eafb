using System.Globalization;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Evaluation.Snapshots.Accumulation;

/// <summary>
/// The assigned unit a case belongs to under a clustered design (<see cref="DesignConfig.IsClustered"/>): its recorded
/// <c>assignment.unitId</c> when the assignment names the design's unit. Under a period design a case recorded without
/// an assignment is put in the period its start falls in: periods of <see cref="DesignConfig.PeriodDays"/> days counted
/// from <see cref="DesignConfig.AiStart"/>, or, without one, 7-day periods are the ISO weeks (UTC, keyed like
/// <c>2026-W49</c>, as the SDK records them) and longer ones are counted from Monday 5 January 1970.
/// </summary>
/// <param name="design">The pilot's design.</param>
internal sealed class CaseUnits(DesignConfig design)
{
    private const long DayMs = 86_400_000;

    /// <summary>Monday 5 January 1970, 00:00 UTC: the start of the periods when the design sets no <c>aiStart</c>.</summary>
    private static readonly long MondayMs = new DateTimeOffset(1970, 1, 5, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private readonly Dictionary<long, string> _periodKeys = [];

    /// <summary>Cases used whose unit is unknown: no assignment of the design's unit (and not a period design).</summary>
    public long WithoutUnit { get; private set; }

    /// <summary>Cases put in a period by their start time (a period design, no assignment recorded).</summary>
    public long InDerivedPeriod { get; private set; }

    /// <summary>The unit id of a case; null (counted in <see cref="WithoutUnit"/>) when it is not known.</summary>
    /// <param name="row">The case.</param>
    /// <param name="count">Whether to count the case (false when it was counted already: a before/after design's pooled baseline period).</param>
    public string? Of(CaseRow row, bool count = true)
    {
        if (row.AssignmentUnitId is { } id && row.AssignmentUnit == design.Unit)
        {
            return id;
        }

        if (design.Unit == AssignmentUnits.Period && row.AssignmentUnitId is null && design.PeriodDays is { } days)
        {
            InDerivedPeriod += count ? 1 : 0;
            return PeriodKey(row.StartedMs, days);
        }

        WithoutUnit += count ? 1 : 0;
        return null;
    }

    /// <summary>The key of the period a time falls in (one string per period, made once).</summary>
    private string PeriodKey(long startedMs, int days)
    {
        var originMs = design.AiStart?.ToUnixTimeMilliseconds() ?? MondayMs;
        var index = (long)Math.Floor((startedMs - originMs) / (double)(days * DayMs));
        if (!_periodKeys.TryGetValue(index, out var key))
        {
            key = days == 7 && design.AiStart is null ? IsoWeek(originMs + (index * 7 * DayMs)) : "P" + index.ToString(CultureInfo.InvariantCulture);
            _periodKeys.Add(index, key);
        }

        return key;
    }

    private static string IsoWeek(long mondayMs)
    {
        var day = DateTimeOffset.FromUnixTimeMilliseconds(mondayMs).UtcDateTime;
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):D2}");
    }
}
