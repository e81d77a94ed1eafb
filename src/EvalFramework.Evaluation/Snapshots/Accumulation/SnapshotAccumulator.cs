using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Models;
using EvalFramework.Evaluation.Privacy;

namespace EvalFramework.Evaluation.Snapshots.Accumulation;

/// <summary>
/// The first half of a snapshot: reads the period's case rows into running totals per case type × arm (costs and
/// energy through <see cref="CostModel"/> and <see cref="EnergyModel"/>), keeps the staff answers, earlier snapshots
/// and maintenance events as they come, and hashes the data used. Allocates nothing per case once every group exists.
/// </summary>
/// <remarks>
/// Nothing outside the pilot's config is used: a case whose case type or arm is not there is counted in
/// <see cref="CasesLeftOut"/>, a maintenance event of another arm in <see cref="MaintenanceLeftOut"/>; roles and models
/// without a price are counted in <see cref="MissingRoles"/> and <see cref="MissingModels"/>, never named.
/// </remarks>
internal sealed partial class SnapshotAccumulator : IDisposable
{
    private readonly PilotConfig? _pilot;
    private readonly CostModel? _costModel;
    private readonly EnergyModel? _energyModel;
    private readonly DataHasher _hasher = new();
    private readonly Dictionary<(string CaseType, string Arm), GroupAccumulator> _groups = [];
    private readonly ComplianceCounter _compliance = new();
    private Dictionary<(string CaseType, string Arm), GroupAccumulator>? _asTreated;
    private readonly SortedSet<string> _missingRoles = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _missingModels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (AiPrice Price, AiEnergy Energy)> _modelRates = new(StringComparer.Ordinal);
    private readonly List<StaffAnswer> _surveys = [];
    private readonly List<EarlierSnapshot> _earlier = [];
    private readonly List<(long TimeMs, double Hours, string? Arm, string? Kind)> _maintenance = [];
    private readonly List<(long TimeMs, double Hours, string? Arm, string? Kind)> _earlierOneOffMaintenance = [];
    private readonly HashSet<string> _caseTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _arms = new(StringComparer.Ordinal);
    private readonly HashSet<string> _teams = new(StringComparer.Ordinal);
    private readonly CaseRow _recordRow = new();
    private readonly Utf8StringCache _recordStrings = new();
    private readonly CaseUnits? _units;
    private GroupAccumulator? _last;
    private readonly BeforePeriodGroups _before;

    /// <summary>Starts the accumulation of a period.</summary>
    /// <param name="period">The period.</param>
    /// <param name="pilot">The pilot's config; null when it has none (then no case is used).</param>
    /// <param name="costModel">The pilot's cost model (with <paramref name="pilot"/>).</param>
    /// <param name="energyModel">The pilot's energy model (with <paramref name="pilot"/>).</param>
    public SnapshotAccumulator(SnapshotPeriod period, PilotConfig? pilot, CostModel? costModel, EnergyModel? energyModel)
    {
        Period = period;
        _pilot = pilot;
        _costModel = costModel;
        _energyModel = energyModel;
        _before = new BeforePeriodGroups(pilot?.Design.AiStart?.ToUnixTimeMilliseconds(), period.Weeks);
        if (pilot is not null)
        {
            _caseTypes.UnionWith(pilot.CaseTypes);
            _arms.UnionWith(pilot.Arms.Select(a => a.Name));
            _teams.UnionWith(pilot.Teams);
            _units = pilot.Design.IsClustered ? new CaseUnits(pilot.Design) : null;
        }
    }

    public SnapshotPeriod Period { get; }

    /// <summary>
    /// The groups that have at least one case, by case type and arm: a case's assigned arm when its <c>case.started</c>
    /// carried an assignment (intention to treat), else the arm it was handled in.
    /// </summary>
    public IReadOnlyDictionary<(string CaseType, string Arm), GroupAccumulator> Groups => _groups;

    /// <summary>
    /// The groups by the arm each case was handled in (as treated); null while no case has been handled in another arm
    /// than assigned (then they equal <see cref="Groups"/>). Made at the first such case as a copy of the groups so far.
    /// </summary>
    public IReadOnlyDictionary<(string CaseType, string Arm), GroupAccumulator>? AsTreatedGroups => _asTreated;

    /// <summary>The used cases' assignments: assigned and non-compliant counts.</summary>
    public ComplianceCounter Compliance => _compliance;

    /// <summary>The staff answers as added (selected later, see <see cref="StaffSurveySelection"/>).</summary>
    public IReadOnlyList<StaffAnswer> Surveys => _surveys;

    /// <summary>The pilot's earlier snapshots.</summary>
    public IReadOnlyList<EarlierSnapshot> Earlier => _earlier;

    /// <summary>The maintenance events of the period used, as added.</summary>
    public IReadOnlyList<(long TimeMs, double Hours, string? Arm, string? Kind)> Maintenance => _maintenance;

    /// <summary>One-off maintenance events before the period whose amortisation reaches into it, as added.</summary>
    public IReadOnlyList<(long TimeMs, double Hours, string? Arm, string? Kind)> EarlierOneOffMaintenance => _earlierOneOffMaintenance;

    /// <summary>The baseline period's cases of a before/after design (none without <c>design.aiStart</c>).</summary>
    public BeforePeriodGroups Before => _before;

    /// <summary>The pilot's teams (empty without a config).</summary>
    public IReadOnlySet<string> Teams => _teams;

    /// <summary>The pilot's arms (empty without a config).</summary>
    public IReadOnlySet<string> Arms => _arms;

    /// <summary>Cases left out because their case type or arm is not in the config.</summary>
    public long CasesLeftOut { get; private set; }

    /// <summary>Maintenance events left out because their arm is not in the config.</summary>
    public long MaintenanceLeftOut { get; private set; }

    /// <summary>Distinct staff roles in the data without an hourly cost.</summary>
    public int MissingRoles => _missingRoles.Count;

    /// <summary>Distinct AI models in the data without a price and size.</summary>
    public int MissingModels => _missingModels.Count;

    /// <summary>The earliest <c>case.started</c> of the cases used, Unix ms (<see cref="long.MaxValue"/> when none).</summary>
    public long FirstStartedMs { get; private set; } = long.MaxValue;

    /// <summary>The units of the cases under a clustered design (and how many had none); null under a case-level design.</summary>
    public CaseUnits? Units => _units;

    /// <summary>Case rows of the pilot with events but no <c>case.started</c>.</summary>
    public long CasesWithoutStart { get; set; }

    /// <summary>Of those, rows carrying citizen surveys.</summary>
    public long SurveysWithoutCase { get; set; }

    /// <summary>Adds one case; see <see cref="SnapshotEngine.AddCase"/>.</summary>
    public void AddCase(CaseRow row)
    {
        var before = _before.Includes(row.StartedMs);
        if (GroupOf(row, before) is not { } group)
        {
            _hasher.Skip(row.CaseId);
            CasesLeftOut++;
            return;
        }

        _hasher.Case(row);
        AccumulateCase(before, group, row);
    }

    /// <summary>Adds one case as its stored record; see <see cref="SnapshotEngine.AddCaseRecord"/>.</summary>
    public void AddCaseRecord(ReadOnlySpan<byte> record)
    {
        CaseRecordCodec.Read(record, _recordRow, _recordStrings, withCaseId: false);
        var before = _before.Includes(_recordRow.StartedMs);
        if (GroupOf(_recordRow, before) is not { } group)
        {
            _hasher.Skip(CaseRecordCodec.CaseId(record));
            CasesLeftOut++;
            return;
        }

        _hasher.CaseRecord(record);
        AccumulateCase(before, group, _recordRow);
    }

    public void AddStaffSurvey(StaffAnswer answer) => _surveys.Add(answer);

    public void AddEarlierSnapshot(EarlierSnapshot earlier) => _earlier.Add(earlier);

    /// <summary>
    /// Adds a maintenance event of the period, or counts it as left out when the pilot or its arm is not in the config.
    /// An event before the period is kept only when its kind is one-off (<c>maintenance.oneOffKinds</c>) and its
    /// amortisation reaches into the period; else it is not part of the snapshot's data.
    /// </summary>
    public void AddMaintenance(long timeMs, double hours, string? arm, string? kind)
    {
        var earlier = timeMs < Period.FromMs;
        if (_pilot is null || (arm is not null && !_arms.Contains(arm)))
        {
            MaintenanceLeftOut += earlier ? 0 : 1;
            return;
        }

        if (!earlier)
        {
            _maintenance.Add((timeMs, hours, arm, kind));
        }
        else if (_pilot.Maintenance.IsOneOff(kind) && CostPeriods.AmortisedShare(DateTimeOffset.FromUnixTimeMilliseconds(timeMs),
                     _pilot.Maintenance.AmortisationMonths, Period.From, Period.To) > 0)
        {
            _earlierOneOffMaintenance.Add((timeMs, hours, arm, kind));
        }
    }

    /// <summary>
    /// Ends the data hash: after the cases, per arm shown (in <paramref name="armsShown"/> order) the sums its
    /// well-being figure is computed from, then the maintenance events used (earlier one-off work included), sorted. Never a team, a group or an answer:
    /// the hash is of low-entropy data, so anything finer in it could be brute-forced back out.
    /// </summary>
    /// <returns>The SHA-256 of the data used, lower-case hex.</returns>
    public string FinishHash(IEnumerable<string> armsShown, IReadOnlyDictionary<string, StaffPersonSums> staffByArm)
    {
        foreach (var arm in armsShown)
        {
            if (staffByArm.TryGetValue(arm, out var sums))
            {
                _hasher.StaffWellbeing(arm, sums.Persons, sums.Sum, sums.SumOfSquares);
            }
        }

        foreach (var (time, hours, arm, kind) in _earlierOneOffMaintenance.Concat(_maintenance).OrderBy(m => m.TimeMs).ThenBy(m => m.Hours)
                     .ThenBy(m => m.Arm ?? "", StringComparer.Ordinal).ThenBy(m => m.Kind ?? "", StringComparer.Ordinal))
        {
            _hasher.Maintenance(time, hours, arm, kind);
        }

        return _hasher.Finish();
    }

    /// <inheritdoc />
    public void Dispose() => _hasher.Dispose();

    /// <summary>
    /// Adds a case to its group. A case is closed when it has a <c>case.completed</c>, whatever the outcome; every
    /// per-case figure is over closed cases, except lead time, which is over the closed cases with outcome
    /// <c>resolved</c> only (the time to an answer: an escalated, abandoned or rejected case got none in the pilot).
    /// </summary>
    /// <param name="group">The group.</param>
    /// <param name="row">The case.</param>
    /// <param name="countUnit">Whether the case counts for its unit (not when a pooled group only repeats it).</param>
    private void Accumulate(GroupAccumulator group, CaseRow row, bool countUnit = true)
    {
        AddToUnit(group, row, countUnit);
        FirstStartedMs = Math.Min(FirstStartedMs, row.StartedMs);
        group.Started++;
        if (row.CompletedMs is not { } completed)
        {
            return;
        }

        group.Completed++;
        AddToWeek(group, completed);
        if (row.Outcome == CaseOutcomes.Resolved)
        {
            AddLeadTime(group, (completed - row.StartedMs) / 1000.0);
        }

        group.Abandoned += row.Outcome == CaseOutcomes.Abandoned ? 1 : 0;
        group.Rejected += row.Outcome == CaseOutcomes.Rejected ? 1 : 0;

        group.Effort.Add(row.EffortSeconds);
        group.AiSeconds.Add(row.AiDurationMs / 1000);
        if (row.Reviews > 0)
        {
            group.Reviewed++;
            if (row.ReviewsIncorrect > 0 || row.Errors > 0)
            {
                group.Erroneous++;
            }
        }

        group.ConsistencySet += row.ReviewsConsistencySet;
        group.Consistent += row.ReviewsConsistent;
        group.Escalated += row.Escalations > 0 || row.Outcome == CaseOutcomes.Escalated ? 1 : 0;
        group.IntegrationFailed += row.IntegrationFailures > 0 ? 1 : 0;
        if (row.CsatCount > 0)
        {
            var csat = (double)row.CsatSum / row.CsatCount;
            group.Responded++;
            group.Satisfied += csat >= 4 ? 1 : 0;
            group.Csat.Add(csat);
        }

        group.NpsCount += row.NpsCount;
        group.NpsPromoters += row.NpsPromoters;
        group.NpsDetractors += row.NpsDetractors;
        if (_costModel is not null && _energyModel is not null)
        {
            AddCostAndEnergy(group, row, completed, _costModel, _energyModel);
        }
    }

    private static void AddLeadTime(GroupAccumulator group, double lead)
    {
        if (lead < 0)
        {
            group.NegativeLeadTimes++;
            return;
        }

        if (!group.IsUnit)
        {
            group.LeadTimes.Add(lead);
        }

        group.LeadTime.Add(lead);
    }

    /// <summary>
    /// Counts a completed case in the 7-day bin of its completion time (a completion before the period's start, clock
    /// skew, in the first bin; one at or after the end in <see cref="GroupAccumulator.CompletedAfterPeriod"/>).
    /// </summary>
    private void AddToWeek(GroupAccumulator group, long completedMs)
    {
        if (Period.Weeks == 0 || group.IsUnit)
        {
            return;
        }

        if (completedMs >= Period.ToMs)
        {
            group.CompletedAfterPeriod++;
        }
        else
        {
            group.WeeklyCompleted[Period.WeekOf(completedMs)]++;
        }
    }

    /// <summary>A completed case's variable cost (staff + AI) and energy (workstation + AI), by its completion month.</summary>
    private void AddCostAndEnergy(GroupAccumulator group, CaseRow row, long completedMs, CostModel costModel, EnergyModel energyModel)
    {
        var staffSek = 0.0;
        foreach (var (role, seconds) in row.EffortByRole)
        {
            if (costModel.TryStaffCostSek(role, seconds, out var sek))
            {
                staffSek += sek;
            }
            else
            {
                _missingRoles.Add(role);
            }
        }

        var aiSek = 0.0;
        var aiWh = 0.0;
        foreach (var usage in row.AiUsage)
        {
            if (ModelRates(usage.Model, costModel, energyModel) is not { } rates)
            {
                _missingModels.Add(usage.Model);
                continue;
            }

            aiSek += rates.Price.CostSek(usage.CostSek, usage.InputTokens - usage.PricedInputTokens,
                usage.OutputTokens - usage.PricedOutputTokens);
            aiWh += rates.Energy.Wh(usage.OutputTokens);
        }

        var month = SnapshotPeriod.MonthIndex(completedMs);
        var workstationWh = energyModel.HumanWh(row.EffortSeconds);
        group.AddCost(month, staffSek + aiSek);
        group.AddEnergy(month, workstationWh + aiWh);
        group.StaffSek += staffSek;
        group.AiSek += aiSek;
        group.WorkstationWh += workstationWh;
        group.AiWh += aiWh;
    }

    /// <summary>A model's price and energy per token, taken once from the models.</summary>
    private (AiPrice Price, AiEnergy Energy)? ModelRates(string model, CostModel costModel, EnergyModel energyModel)
    {
        if (_modelRates.TryGetValue(model, out var rates))
        {
            return rates;
        }

        if (!costModel.TryAiPrice(model, out var price) || !energyModel.TryAiEnergy(model, out var energy))
        {
            return null;
        }

        rates = (price, energy);
        _modelRates.Add(model, rates);
        return rates;
    }
}
