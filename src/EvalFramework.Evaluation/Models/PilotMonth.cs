using System.Globalization;

namespace EvalFramework.Evaluation.Models;

/// <summary>A calendar month, the period over which fixed and maintenance costs are spread.</summary>
public readonly record struct PilotMonth
{
    /// <summary>Creates a month.</summary>
    /// <param name="year">The year, 1–9999.</param>
    /// <param name="month">The month, 1–12.</param>
    public PilotMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The month, 1–12.</summary>
    public int Month { get; }

    /// <summary>The month a moment falls in, in UTC (so the same data always gives the same months).</summary>
    /// <param name="time">A moment, e.g. a case's <c>case.completed</c> time.</param>
    /// <returns>Its UTC calendar month.</returns>
    public static PilotMonth Of(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return new PilotMonth(utc.Year, utc.Month);
    }

    /// <summary>The month as <c>yyyy-MM</c>.</summary>
    /// <returns>E.g. <c>2025-03</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
