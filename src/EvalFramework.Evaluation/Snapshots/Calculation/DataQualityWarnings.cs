using System.Globalization;
using EvalFramework.Evaluation.Privacy;

namespace EvalFramework.Evaluation.Snapshots.Calculation;

/// <summary>
/// The English data-quality warnings of a snapshot, in the order they are added. Values outside the pilot's config
/// are counted, never named: they may be anything a client sent, and snapshots are never erased.
/// </summary>
internal sealed class DataQualityWarnings
{
    private readonly List<string> _warnings = [];

    /// <summary>The warnings so far.</summary>
    public List<string> All => _warnings;

    public void Add(string warning) => _warnings.Add(warning);

    /// <summary>What the data held that the snapshot does not use because it is outside the pilot's vocabulary.</summary>
    public void LeftOut(long cases, long maintenance)
    {
        IfAny(cases, $"{cases} case(s) have a case type or arm that is not in the pilot's config (or the pilot has no config): left out of every figure, and not named here");
        IfAny(maintenance, $"{maintenance} maintenance event(s) name an arm that is not in the pilot's config (or the pilot has no config): left out");
    }

    /// <summary>
    /// How many assigned cases were handled in another arm than assigned, and that the figures are by assigned arm;
    /// and how many cases had no assignment when others had one.
    /// </summary>
    public void Compliance(ComplianceSummary? compliance)
    {
        if (compliance is null)
        {
            return;
        }

        var assigned = compliance.Assigned;
        var nonCompliant = compliance.NonCompliantTotal;
        var share = (100.0 * nonCompliant / assigned).ToString("0.0", CultureInfo.InvariantCulture);
        Add(nonCompliant == 0
            ? $"all {assigned} assigned case(s) were handled in their assigned arm (non-compliance 0.0 %)"
            : $"{nonCompliant} of {assigned} assigned case(s) ({share} %) were handled in another arm than assigned (non-compliance): "
              + "figures and verdicts are by assigned arm (intention to treat); comparisons by the arm used are shown beside them (asTreated), without verdicts");
        IfAny(compliance.WithoutAssignment,
            $"{compliance.WithoutAssignment} case(s) have no assignment while others have one: they are analysed in the arm they were handled in");
    }

    public void NoConfig() =>
        Add("no evaluation config loaded: cost_per_case_sek, overhead_per_case_sek, energy_wh_per_case and co2e_g_per_case are null (not zero)");

    public void PilotNotInConfig(string pilot) =>
        Add($"pilot '{pilot}' is not in the evaluation config: cost_per_case_sek, overhead_per_case_sek, energy_wh_per_case and co2e_g_per_case are null (not zero)");

    public void MissingPrices(int roles, int models)
    {
        IfAny(roles, $"{roles} staff role(s) in the data have no hourly cost in the pilot's staffRoles (not named here): cost_per_case_sek and overhead_per_case_sek are null");
        IfAny(models, $"{models} AI model(s) in the data have no price and size in the pilot's aiModels (not named here): cost_per_case_sek, overhead_per_case_sek, energy_wh_per_case and co2e_g_per_case are null");
    }

    /// <summary>Which staff-survey answers count (k-anonymity, see <see cref="StaffSurveySelection"/>) and what was left out.</summary>
    public void StaffSurveys(StaffSurveySelection staff, int k)
    {
        // Says which weeks count, from the period and the time of the snapshot alone: a count of the answers left out
        // of the cut weeks would move with each answer near the period's ends.
        const string Rule = "staff-survey figures count only complete ISO weeks (Monday to Sunday, UTC) inside the period that ended at least 2 days before the snapshot";
        Add(staff.Weeks == 0
            ? Rule + ": there is none, so no staff figure is shown"
            : Invariant(
                $"{Rule}: {staff.Weeks} complete week(s), {Day(staff.FirstWeekMs)} to {Day(staff.FirstWeekMs + (staff.Weeks * StaffWeeks.WeekMs) - StaffWeeks.DayMs)}; answers of other weeks, and answers received after a week was first published, are left out"));
        IfAny(staff.SuppressedGroups, $"{staff.SuppressedGroups} staff-survey group(s) (team × arm × week) have fewer than {k} persons answering: their {staff.SuppressedAnswers} answer(s) are left out of every figure");
        IfAny(staff.WithoutRespondent, $"{staff.WithoutRespondent} staff-survey answer(s) carry no respondent: left out, since staff well-being is averaged per person");
        IfAny(staff.OutsideVocabulary, $"{staff.OutsideVocabulary} staff-survey answer(s) name a team or arm that is not in the pilot's config: left out");

        static string Day(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public void NoAllocation() => Add("no configured allocation for the pilot: arm balance (sample ratio) not checked");

    public void SampleRatioMismatch(IEnumerable<KeyValuePair<string, long>> observed, double chiSquare, double pValue, string counted = "cases") =>
        Add(Invariant(
            $"sample ratio mismatch: {counted} per arm ({string.Join(", ", observed.Select(o => o.Key + " " + o.Value))}) differ from the configured shares (chi-square {chiSquare:0.##}, p = {pValue:G3} < 0.001): check how cases are allocated before trusting comparisons"));

    public void Unallocated(string arm, double sek) =>
        Add(Invariant(
            $"{sek:0.##} SEK of fixed, one-off and maintenance cost of arm '{arm}' in the period fall on no closed case (the arm closed none): not in cost_per_case_sek (unallocated)"));

    public void UnassignedMaintenance(double sek) =>
        Add(Invariant(
            $"{sek:0.##} SEK of maintenance in the period has no arm and the config sets no maintenance.defaultArm: borne by no arm, not in cost_per_case_sek (unallocated)"));

    /// <summary>How overhead enters cost per case, and the uncertainty its interval leaves out.</summary>
    public void OverheadAdded() =>
        Add("cost_per_case_sek = the variable cost per closed case (staff time, AI tokens), whose spread gives the interval, "
            + "plus overhead_per_case_sek: the arm's fixed monthly costs pro-rated to the days of the period, its maintenance, "
            + "and one-off costs amortised over their months (the part inside the period), divided by the arm's closed cases of all case types. "
            + "The overhead is added to each case as a known amount: the intervals leave out its own uncertainty (estimated prices and hours) "
            + "and the allocation choices (pro-rating by days, the amortisation period, one amount per case whatever its type)");

    /// <summary>What the comparisons of a before/after design are, and what they cannot say.</summary>
    /// <param name="design">The before/after design, or null when the pilot has none.</param>
    public void BeforeAfter(BeforeAfterDesign? design)
    {
        if (design is null)
        {
            return;
        }

        var start = design.AiStart.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Add(design.ConcurrentControl
            ? $"before/after design with a concurrent control (AI start {start}): each comparison is a difference in differences, the change in the group assigned the AI minus the change in the group that stayed with the baseline arm; it assumes both groups would have changed alike without the AI"
            : $"before/after design without a concurrent control (AI start {start}): the baseline arm's figures are the cases started before the start, and each comparison is the after period against them; not causal: season and other changes are not separated");
        if (design.ConcurrentControl && design.ByUnit)
        {
            Add("the difference in differences is by unit: each handler or team with cases on both sides of the AI's start gives one change (its mean after minus before), and the treated units' mean change is compared with the control units' (Welch over units)");
        }
    }

    public void NoBaseline(string caseType, string baseline) =>
        Add($"case type '{caseType}' has no cases in the baseline arm '{baseline}': no comparisons");

    public void BelowMinimum(int comparisons, int minimum) =>
        Add(Invariant(
            $"{comparisons} comparison(s) have fewer than {minimum} values in an arm: verdict insufficient_data (see metricsBelowMinimum)"));

    /// <summary>Cases not completed, completed before they started, or with events but no start.</summary>
    public void Cases(long notCompleted, long negativeLeadTimes, long withoutStart, long surveysWithoutCase)
    {
        IfAny(notCompleted, $"{notCompleted} case(s) started in the period are not completed: left out of every per-case metric");
        IfAny(negativeLeadTimes, $"{negativeLeadTimes} case(s) completed before they started (clock skew?): left out of lead time");
        IfAny(withoutStart, $"{withoutStart} case(s) of the pilot have events but no case.started (in no snapshot); {surveysWithoutCase} of them carry citizen surveys with no matching case");
    }

    /// <summary>What a reader must know about the analysis plan the verdicts follow.</summary>
    /// <param name="plan">The plan used.</param>
    public void Plan(PlanSummary plan)
    {
        if (plan.Primary.Count == 0)
        {
            Add("the analysis plan names no primary metric: no verdict answers the pilot's question; guardrails are tested, every other comparison is exploratory (secondary)");
        }

        if (plan.Registered is not { } registered)
        {
            Add("the analysis plan is not registered (evalctl plan register): nothing shows it was fixed before the data were seen");
            return;
        }

        var at = registered.RegisteredAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        if (plan.ChangedAfterRegistration == true)
        {
            Add($"analysis plan changed after data arrived: the plan used ({plan.Sha256[..12]}) is not the one registered on {at} ({registered.Sha256[..12]}); the primary family may have been chosen after seeing data, so read its verdicts as exploratory");
        }
        else if (plan.RegisteredAfterData == true)
        {
            Add($"the analysis plan was registered on {at}, after the period's first case started: it may have been chosen after seeing data");
        }
    }

    /// <summary>Says when the period ends inside the follow-up window before the snapshot was made.</summary>
    /// <summary>A period that ends after the pilot's planned end: its verdicts are a look beyond the plan, not the final result.</summary>
    public void PastPlannedEnd(DateTimeOffset to, SequentialSettings? sequential)
    {
        if (sequential is { } s && to > s.PlannedEnd)
        {
            Add(string.Create(CultureInfo.InvariantCulture,
                $"the period ends after the pilot's planned end ({s.PlannedEnd:yyyy-MM-dd}): the final result is the snapshot whose period ends on it; this one is a look beyond the plan, fixed-horizon at the final alpha"));
        }
    }

    public void FollowUp(DateTimeOffset to, DateTimeOffset createdAt, int followUpDays)
    {
        if (to > DefaultPeriodEnd.At(createdAt, followUpDays))
        {
            Add(Invariant(
                $"the period ends less than {followUpDays} follow-up day(s) before the last complete day of the snapshot: cases still open are left out (their lead times censored), and surveys and reviews of the last cases may not have arrived"));
        }
    }

    /// <summary>Cases of a clustered design whose unit is not known (no assignment of the design's unit).</summary>
    public void CasesWithoutUnit(long cases, string unit) =>
        IfAny(cases, $"{cases} case(s) carry no assignment of a {unit} (design.unit): counted in the arms' figures, left out of the comparisons, which are by {unit}");

    /// <summary>Cases of a period design without an assignment, put in the period their start falls in.</summary>
    public void CasesInDerivedPeriod(long cases) =>
        IfAny(cases, $"{cases} case(s) carry no assignment: each is counted in the period (design.periodLength) its start falls in");

    /// <summary>Units with cases in more than one arm of a case type: nesting in arms is broken.</summary>
    public void UnitsInSeveralArms(long units, string unit) =>
        IfAny(units, $"{units} {unit}(s) have cases in more than one arm: each arm's cases of such a {unit} count as a separate {unit}, which is right only if they are independent (was the assignment changed during the pilot?)");

    /// <summary>Comparisons of a clustered design with too few units in an arm.</summary>
    public void UnitsBelowMinimum(int comparisons, int minimum, string unit) =>
        Add(Invariant(
            $"{comparisons} comparison(s) have fewer than {minimum} {unit}s with a value in an arm (design.minUnitsPerArm): verdict insufficient_data (see metricsBelowMinimum)"));

    /// <summary>The median lead time has no comparison under a clustered design.</summary>
    public void MedianNotCompared(string unit) =>
        Add($"lead_time_seconds_median is not compared when {unit}s are assigned to the arms: no interval for a difference of medians keeps its level with a few {unit}s per arm; lead_time_seconds_mean is compared");

    /// <summary>Adds the warning when <paramref name="count"/> is above 0.</summary>
    private void IfAny(long count, FormattableString text)
    {
        if (count > 0)
        {
            Add(Invariant(text));
        }
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
