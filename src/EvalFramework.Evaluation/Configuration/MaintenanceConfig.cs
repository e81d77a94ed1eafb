namespace EvalFramework.Evaluation.Configuration;

/// <summary>How maintenance hours (<c>pilot.maintenance</c> events) are costed (YAML section <c>maintenance</c>).</summary>
/// <param name="HourlyCostSek">Loaded hourly cost of maintenance work, SEK (<c>hourlyCostSek</c>, required, ≥ 0).</param>
/// <param name="DefaultArm">
/// The arm that bears maintenance hours sent without an <c>arm</c> (<c>defaultArm</c>, optional). When unset, such
/// hours still count in the pilot's maintenance hours but are not spread over any arm's cases (reported as unallocated).
/// </param>
public sealed record MaintenanceConfig(double HourlyCostSek, string? DefaultArm)
{
    /// <summary>The longest amortisation a config may set, months (ten years): how far back a snapshot looks for one-off work.</summary>
    public const int MaxAmortisationMonths = 120;

    /// <summary>
    /// Maintenance kinds that are one-off work (<c>oneOffKinds</c>, optional, default none; each one of the pilot's
    /// <c>maintenanceKinds</c>), e.g. <c>staff-training</c>: their cost is amortised over
    /// <see cref="AmortisationMonths"/> from the event's time instead of falling on the period of the event.
    /// </summary>
    public IReadOnlyList<string> OneOffKinds { get; init; } = [];

    /// <summary>
    /// Months a one-off maintenance event is spread over (<c>amortisationMonths</c>, optional, 1–120, default
    /// <see cref="ConfigDefaults.AmortisationMonths"/>).
    /// </summary>
    public int AmortisationMonths { get; init; } = ConfigDefaults.AmortisationMonths;

    /// <summary>Whether <paramref name="kind"/> is one of <see cref="OneOffKinds"/>.</summary>
    /// <param name="kind">A maintenance event's kind, if any.</param>
    /// <returns><see langword="true"/> for a one-off kind.</returns>
    public bool IsOneOff(string? kind) => kind is not null && OneOffKinds.Contains(kind, StringComparer.Ordinal);
}
