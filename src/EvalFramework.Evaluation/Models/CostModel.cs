using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Evaluation.Models;

/// <summary>
/// Cost per case of one pilot, SEK: a variable part of each case
/// (staff effort hours × the role's loaded hourly cost + AI tokens × the model's price per million, or the event's
/// <c>costSek</c> when given) plus the arm's overhead per closed case (<see cref="Overhead"/>: fixed monthly costs
/// pro-rated to the days of the period, maintenance, amortised one-off costs, ÷ the arm's closed cases).
/// </summary>
/// <remarks>
/// Pure: takes values, no I/O. A model, role or arm missing from the config throws
/// <see cref="MissingConfigEntryException"/>: never a silent zero.
/// </remarks>
public sealed class CostModel
{
    private const double SecondsPerHour = 3600;
    private const double TokensPerMillion = 1_000_000;

    private readonly PilotConfig _pilot;

    /// <summary>Creates the model for a pilot.</summary>
    /// <param name="pilot">The pilot's config.</param>
    public CostModel(PilotConfig pilot)
    {
        ArgumentNullException.ThrowIfNull(pilot);
        _pilot = pilot;
    }

    /// <summary>The cost of one case: its variable parts and its arm's overhead per closed case.</summary>
    /// <param name="input">What the case used.</param>
    /// <param name="overhead">The overhead of the case's arm in the period (<see cref="Overhead"/>); the case is one of its closed cases.</param>
    /// <returns>The cost by part.</returns>
    public CaseCost CostOf(CaseInput input, ArmOverhead overhead)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(overhead);
        if (overhead.Arm != input.Arm || overhead.ClosedCases < 1)
        {
            throw new ArgumentException(
                "the overhead must be of the case's arm, whose closed cases include this case (so there is at least one)", nameof(overhead));
        }

        return new CaseCost(
            StaffCostSek(input.EffortSecondsByRole),
            input.AiUsage.Sum(AiCostSek),
            overhead.FixedPerCaseSek,
            overhead.MaintenancePerCaseSek);
    }

    /// <summary>Staff cost: Σ over roles (in ordinal order) of <see cref="TryStaffCostSek"/>.</summary>
    /// <param name="effortSecondsByRole">Effort seconds by role.</param>
    /// <returns>SEK.</returns>
    public double StaffCostSek(IReadOnlyDictionary<string, double> effortSecondsByRole)
    {
        ArgumentNullException.ThrowIfNull(effortSecondsByRole);
        var total = 0.0;
        foreach (var (role, seconds) in effortSecondsByRole.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            total += TryStaffCostSek(role, seconds, out var sek) ? sek : throw new MissingConfigEntryException(_pilot.Slug, "staffRoles", role);
        }

        return total;
    }

    /// <summary>
    /// Staff cost of one role's effort: seconds ÷ 3600 × the role's loaded hourly cost. Allocates nothing, so it can
    /// run for every case of a snapshot.
    /// </summary>
    /// <param name="role">The role slug.</param>
    /// <param name="seconds">Effort seconds.</param>
    /// <param name="sek">The cost, SEK; 0 when the role is not in <c>staffRoles</c>.</param>
    /// <returns>Whether the role is in <c>staffRoles</c>.</returns>
    public bool TryStaffCostSek(string role, double seconds, out double sek)
    {
        if (!_pilot.StaffRoles.TryGetValue(role, out var config))
        {
            sek = 0;
            return false;
        }

        sek = seconds / SecondsPerHour * config.HourlyCostSek;
        return true;
    }

    /// <summary>
    /// AI cost of one usage: its <c>costSek</c> when given, else the model's <see cref="AiPrice"/> for its tokens. The
    /// model must be in the price table even when <c>costSek</c> is given (its size is needed for the energy
    /// estimate), so a missing model is found at once.
    /// </summary>
    /// <param name="usage">The usage.</param>
    /// <returns>SEK.</returns>
    public double AiCostSek(AiUsageInput usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var price = TryAiPrice(usage.Model, out var p) ? p : throw new MissingConfigEntryException(_pilot.Slug, "aiModels", usage.Model);
        return usage.CostSek is { } reported
            ? price.CostSek(reported, 0, 0)
            : price.CostSek(0, usage.InputTokens, usage.OutputTokens);
    }

    /// <summary>A model's price per token (its <c>aiModels</c> prices per million ÷ 10⁶). Allocates nothing.</summary>
    /// <param name="model">The model name.</param>
    /// <param name="price">The price; default when the model is not in <c>aiModels</c>.</param>
    /// <returns>Whether the model is in <c>aiModels</c>.</returns>
    public bool TryAiPrice(string model, out AiPrice price)
    {
        if (!_pilot.AiModels.TryGetValue(model, out var config))
        {
            price = default;
            return false;
        }

        price = new AiPrice(config.InputPerMillionSek / TokensPerMillion, config.OutputPerMillionSek / TokensPerMillion);
        return true;
    }

    /// <summary>The fixed monthly costs an arm bears, SEK per month.</summary>
    /// <param name="arm">The arm.</param>
    /// <returns>The sum of the arm's <c>fixedCosts</c>.</returns>
    public double FixedMonthlySek(string arm)
    {
        RequireArm(arm);
        return _pilot.FixedCosts.Where(f => f.Arm == arm).Sum(f => f.MonthlySek);
    }

    /// <summary>
    /// An arm's overhead in the period [<paramref name="from"/>, <paramref name="to"/>) and its spread over the arm's
    /// closed cases:
    /// fixed = Σ <c>monthlySek</c> × (days of the period in the month ÷ days in the month) over the months it touches;
    /// one-off = Σ <c>amountSek</c> × the share of its amortisation window inside the period;
    /// maintenance = hours × <c>maintenance.hourlyCostSek</c> of the arm's events in the period, a one-off kind
    /// (<c>maintenance.oneOffKinds</c>) instead × the share of its window (<c>maintenance.amortisationMonths</c> from
    /// the event) inside the period, wherever the event lies.
    /// </summary>
    /// <param name="arm">The arm.</param>
    /// <param name="from">Period start (inclusive).</param>
    /// <param name="to">Period end (exclusive).</param>
    /// <param name="closedCases">The arm's closed cases in the snapshot, all case types (0 allowed: all unallocated).</param>
    /// <param name="maintenance">
    /// The pilot's maintenance events: those of the period and earlier ones whose amortisation may reach it. Events
    /// of other arms are skipped (<see cref="MaintenanceArmOf"/>).
    /// </param>
    /// <returns>The overhead.</returns>
    public ArmOverhead Overhead(string arm, DateTimeOffset from, DateTimeOffset to, long closedCases, IEnumerable<MaintenanceWork> maintenance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(closedCases);
        ArgumentNullException.ThrowIfNull(maintenance);
        var months = CostPeriods.MonthsIn(from, to);
        var fixedSek = FixedMonthlySek(arm) * months;
        var oneOffSek = _pilot.OneOffCosts.Where(c => c.Arm == arm).Sum(c =>
            c.AmountSek * CostPeriods.AmortisedShare(new DateTimeOffset(c.Date, TimeOnly.MinValue, TimeSpan.Zero), c.AmortisationMonths, from, to));
        var hours = 0.0;
        foreach (var work in maintenance.Where(w => MaintenanceArmOf(w.Arm) == arm))
        {
            hours += _pilot.Maintenance.IsOneOff(work.Kind)
                ? work.Hours * CostPeriods.AmortisedShare(work.Time, _pilot.Maintenance.AmortisationMonths, from, to)
                : work.Time >= from && work.Time < to ? work.Hours : 0;
        }

        return new ArmOverhead(arm, closedCases, fixedSek, oneOffSek, hours * _pilot.Maintenance.HourlyCostSek);
    }

    /// <summary>
    /// The arm that bears a maintenance event: its own <c>arm</c>, else the config's <c>maintenance.defaultArm</c>,
    /// else none (<see langword="null"/>: pilot-level hours, counted in maintenance hours, costed as unallocated).
    /// </summary>
    /// <param name="eventArm">The event's <c>arm</c>, if any.</param>
    /// <returns>The arm, or <see langword="null"/>.</returns>
    public string? MaintenanceArmOf(string? eventArm) => eventArm ?? _pilot.Maintenance.DefaultArm;

    private void RequireArm(string arm)
    {
        ArgumentNullException.ThrowIfNull(arm);
        if (!_pilot.HasArm(arm))
        {
            throw new MissingConfigEntryException(_pilot.Slug, "arms", arm);
        }
    }
}
