using EvalFramework.Evaluation.Configuration;

namespace EvalFramework.Evaluation.Models;

/// <summary>
/// Cost per case of one pilot, SEK:
/// staff effort hours × the role's loaded hourly cost
/// + AI tokens × the model's price per million (or the event's <c>costSek</c> when given)
/// + the arm's fixed monthly costs ÷ the arm's completed cases of that month
/// + the arm's maintenance hours of that month × the maintenance hourly cost ÷ the same cases.
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

    /// <summary>The cost of one case.</summary>
    /// <param name="input">What the case used.</param>
    /// <param name="activity">What the case's arm did in the case's completion month (it includes this case, so ≥ 1 case).</param>
    /// <returns>The cost by part.</returns>
    public CaseCost CostOf(CaseInput input, ArmMonthActivity activity)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.CompletedCases < 1)
        {
            throw new ArgumentException(
                "the arm's completed cases of the month include this case, so there is at least one", nameof(activity));
        }

        var overhead = Overhead(input.Arm, input.CompletionMonth, activity);
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

    /// <summary>An arm's fixed and maintenance cost of a month and its spread over the arm's completed cases.</summary>
    /// <param name="arm">The arm.</param>
    /// <param name="month">The month.</param>
    /// <param name="activity">The arm's completed cases and maintenance hours of the month (0 cases allowed).</param>
    /// <returns>The overhead; with 0 cases it is all unallocated.</returns>
    public ArmMonthOverhead Overhead(string arm, PilotMonth month, ArmMonthActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentOutOfRangeException.ThrowIfNegative(activity.CompletedCases);
        ArgumentOutOfRangeException.ThrowIfNegative(activity.MaintenanceHours);
        return new ArmMonthOverhead(
            arm,
            month,
            activity.CompletedCases,
            FixedMonthlySek(arm),
            activity.MaintenanceHours,
            activity.MaintenanceHours * _pilot.Maintenance.HourlyCostSek);
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
