using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Models;
using EvalFramework.Evaluation.Statistics;

namespace EvalFramework.Evaluation.Snapshots;

/// <summary>
/// Computes a snapshot from a stream of case rows (pure: no I/O). Feed every case of the period with
/// <see cref="AddCase"/> in ascending UTF-8 byte order of the case id, the period's staff surveys and maintenance
/// events and the pilot's earlier snapshots, then call <see cref="ComputeJson"/> once. Memory: running totals per case
/// type and arm, plus one double per completed case for the lead-time order statistics.
/// </summary>
/// <remarks>
/// Nothing the data holds reaches the snapshot unless it is in the pilot's config (its vocabulary): a case whose case
/// type or arm is not there is left out (counted, never named), as are staff answers of a team or arm and maintenance
/// of an arm that is not there; roles and models without an entry are counted, never named. Without a config, or for a
/// pilot not in it, nothing is known, so nothing is used. Staff answers are counted by <see cref="StaffSurveySelection"/>.
/// </remarks>
public sealed class SnapshotEngine : IDisposable
{
    private const double SecondsPerHour = 3600;
    private const double DaysPerWeek = 7;
    private const double DaysPerMonth = 365.2425 / 12;
    private const long WeekMs = 7L * 24 * 3600 * 1000;

    private readonly SnapshotRequest _request;
    private readonly PilotConfig? _pilot;
    private readonly CostModel? _costModel;
    private readonly EnergyModel? _energyModel;
    private readonly DataHasher _hasher = new();
    private readonly Dictionary<(string CaseType, string Arm), GroupAccumulator> _groups = [];
    private readonly SortedSet<string> _missingRoles = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _missingModels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double InputSekPerToken, double OutputSekPerToken, double WhPerOutputToken)> _modelRates = new(StringComparer.Ordinal);
    private readonly List<StaffAnswer> _surveys = [];
    private readonly List<EarlierSnapshot> _earlier = [];
    private readonly List<(long TimeMs, double Hours, string? Arm)> _maintenance = [];
    private readonly HashSet<string> _caseTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _arms = new(StringComparer.Ordinal);
    private readonly HashSet<string> _teams = new(StringComparer.Ordinal);
    private readonly CaseRow _recordRow = new();
    private readonly Utf8StringCache _recordStrings = new();
    private readonly long _fromMs;
    private readonly long _toMs;
    private readonly int _weeks;
    private GroupAccumulator? _last;
    private long _casesLeftOut;
    private long _maintenanceLeftOut;
    private long _casesWithoutStart;
    private long _surveysWithoutCase;
    private bool _computed;

    /// <summary>Starts a snapshot.</summary>
    /// <param name="request">Pilot, period, id and config.</param>
    public SnapshotEngine(SnapshotRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.From >= request.To)
        {
            throw new ArgumentException("from must be before to", nameof(request));
        }

        _request = request;
        _fromMs = request.From.ToUnixTimeMilliseconds();
        _toMs = request.To.ToUnixTimeMilliseconds();
        var weeks = Math.Ceiling((_toMs - _fromMs) / (double)WeekMs);
        _weeks = weeks <= SnapshotBreakdowns.MaxWeeks ? (int)weeks : 0;
        _pilot = request.Config?.FindPilot(request.Pilot);
        if (_pilot is not null)
        {
            _costModel = new CostModel(_pilot);
            _energyModel = new EnergyModel(request.Config!.Energy, _pilot);
            _caseTypes.UnionWith(_pilot.CaseTypes);
            _arms.UnionWith(_pilot.Arms.Select(a => a.Name));
            _teams.UnionWith(_pilot.Teams);
        }
    }

    /// <summary>Adds one case started in the period. The row is read at once and may be reused afterwards.</summary>
    /// <param name="row">The case.</param>
    public void AddCase(CaseRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (Group(row.CaseType, row.Arm) is not { } group)
        {
            _hasher.Skip(row.CaseId);
            _casesLeftOut++;
            return;
        }

        _hasher.Case(row);
        Accumulate(group, row);
    }

    /// <summary>
    /// Adds one case started in the period, given as its stored <see cref="CaseRecordCodec"/> record: hashed as it
    /// is and decoded once, without allocating per record. Same result as <see cref="AddCase"/> with the decoded row.
    /// </summary>
    /// <param name="record">The case's record; read at once, so the memory may be reused afterwards.</param>
    /// <exception cref="FormatException">The bytes are not a well-formed case record.</exception>
    public void AddCaseRecord(ReadOnlySpan<byte> record)
    {
        CaseRecordCodec.Read(record, _recordRow, _recordStrings, withCaseId: false);
        if (Group(_recordRow.CaseType, _recordRow.Arm) is not { } group)
        {
            _hasher.Skip(CaseRecordCodec.CaseId(record));
            _casesLeftOut++;
            return;
        }

        _hasher.CaseRecord(record);
        Accumulate(group, _recordRow);
    }

    private void Accumulate(GroupAccumulator group, CaseRow row)
    {
        group.Started++;
        if (row.CompletedMs is not { } completed)
        {
            return;
        }

        group.Completed++;
        AddToWeek(group, completed);
        var lead = (completed - row.StartedMs) / 1000.0;
        if (lead < 0)
        {
            group.NegativeLeadTimes++;
        }
        else
        {
            group.LeadTimes.Add(lead);
            group.LeadTime.Add(lead);
        }

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
        group.Escalated += row.Escalations > 0 ? 1 : 0;
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
        if (_pilot is not null)
        {
            AddCostAndEnergy(group, row, completed);
        }
    }

    /// <summary>
    /// Adds one staff survey answer of the period (<c>survey.staff</c>). Whether it counts is decided when the snapshot
    /// is computed (whole weeks, groups of at least k answers, see <see cref="StaffSurveySelection"/>).
    /// </summary>
    /// <param name="time">The answer's time.</param>
    /// <param name="received">When the collector received it.</param>
    /// <param name="team">The team slug.</param>
    /// <param name="arm">The arm slug.</param>
    /// <param name="wellbeing">Well-being, 1–5.</param>
    public void AddStaffSurvey(DateTimeOffset time, DateTimeOffset received, string team, string arm, int wellbeing)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(arm);
        _surveys.Add(new StaffAnswer(time.ToUnixTimeMilliseconds(), received.ToUnixTimeMilliseconds(), team, arm, wellbeing));
    }

    /// <summary>
    /// Adds an earlier snapshot of the pilot. A week of staff answers that an earlier snapshot published keeps the
    /// answers received before that snapshot was made: an answer arriving later never changes a published figure.
    /// </summary>
    /// <param name="from">Its period's start.</param>
    /// <param name="to">Its period's end.</param>
    /// <param name="createdAt">When it was made.</param>
    public void AddEarlierSnapshot(DateTimeOffset from, DateTimeOffset to, DateTimeOffset createdAt) =>
        _earlier.Add(new EarlierSnapshot(from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), createdAt.ToUnixTimeMilliseconds()));

    /// <summary>Adds one maintenance event of the period (<c>pilot.maintenance</c>).</summary>
    /// <param name="time">Event time.</param>
    /// <param name="hours">Hours.</param>
    /// <param name="arm">The event's arm, if any.</param>
    public void AddMaintenance(DateTimeOffset time, double hours, string? arm)
    {
        if (_pilot is null || (arm is not null && !_arms.Contains(arm)))
        {
            _maintenanceLeftOut++;
            return;
        }

        _maintenance.Add((time.ToUnixTimeMilliseconds(), hours, arm));
    }

    /// <summary>Data-quality counts found outside the period's cases.</summary>
    /// <param name="casesWithoutStart">Case rows of the pilot with events but no <c>case.started</c>.</param>
    /// <param name="surveysWithoutCase">Of those, rows carrying citizen surveys.</param>
    public void SetUnmatched(long casesWithoutStart, long surveysWithoutCase)
    {
        _casesWithoutStart = casesWithoutStart;
        _surveysWithoutCase = surveysWithoutCase;
    }

    /// <summary>The SHA-256 of the data used (lower-case hex), known once the snapshot is computed.</summary>
    public string? DataSha256 { get; private set; }

    /// <summary>Computes the snapshot and serialises it (UTF-8 JSON, the bytes to store). Call once.</summary>
    /// <returns>The snapshot JSON.</returns>
    public byte[] ComputeJson() => SnapshotJsonWriter.Write(Compute());

    /// <inheritdoc />
    public void Dispose() => _hasher.Dispose();

    internal Snapshot Compute()
    {
        if (_computed)
        {
            throw new InvalidOperationException("a snapshot is computed once");
        }

        _computed = true;
        var config = _request.Config;
        var k = config?.KAnonymity ?? ConfigDefaults.KAnonymity;
        var staff = StaffSurveySelection.Select(_surveys, _fromMs, _toMs, _request.CreatedAt.ToUnixTimeMilliseconds(), _earlier,
            _teams, _arms, k);
        var armsSeen = _groups.Keys.Select(g => g.Arm).Distinct().Order(StringComparer.Ordinal).ToList();

        // Staff answers reach the hash only as what the snapshot publishes of them: per arm shown (an arm with cases),
        // the sums its well-being figure is computed from. Never a team, a group or an answer: the hash is of
        // low-entropy data, so anything finer in it could be brute-forced back out.
        foreach (var arm in armsSeen)
        {
            if (staff.ByArm.TryGetValue(arm, out var sums))
            {
                _hasher.StaffWellbeing(arm, sums.Count, sums.Sum, sums.SumOfSquares);
            }
        }

        foreach (var (time, hours, arm) in _maintenance.OrderBy(m => m.TimeMs).ThenBy(m => m.Hours)
                     .ThenBy(m => m.Arm ?? "", StringComparer.Ordinal))
        {
            _hasher.Maintenance(time, hours, arm);
        }

        var dataSha256 = _hasher.Finish();
        DataSha256 = dataSha256;
        var level = config?.ConfidenceLevel ?? ConfigDefaults.ConfidenceLevel;
        var minimum = config?.MinSamplePerArm ?? ConfigDefaults.MinSamplePerArm;
        var warnings = new List<string>();
        var baseline = _pilot?.BaselineArm ?? "manual";
        LeftOut(warnings);
        var costs = CostAvailability(warnings);
        var armOrder = ArmOrder(armsSeen, baseline);

        StaffWarnings(staff, k, warnings);
        var wellbeing = staff.ByArm.ToDictionary(a => a.Key, a => a.Value.ToMoments(), StringComparer.Ordinal);
        var suppressed = staff.SuppressedGroups;
        var sampleRatio = CheckSampleRatio(warnings);
        var shares = costs.Available ? OverheadShares(warnings) : [];

        var periodDays = (_request.To - _request.From).TotalDays;
        var groups = _groups.Values.OrderBy(g => g.CaseType, StringComparer.Ordinal).ToList();
        var samples = PrepareLeadTimes(groups, level);
        var pending = new List<(string CaseType, PendingComparison Comparison)>();
        var caseTypes = new List<(string CaseType, List<ArmResult> Arms)>();
        foreach (var caseTypeGroups in groups.GroupBy(g => g.CaseType))
        {
            var byArm = caseTypeGroups.ToDictionary(g => g.Arm, StringComparer.Ordinal);
            var arms = new List<ArmResult>();
            foreach (var arm in armOrder.Where(byArm.ContainsKey))
            {
                var g = byArm[arm];
                arms.Add(new ArmResult(arm, ArmMetrics(g, samples[g], level, periodDays, costs, shares, wellbeing)));
            }

            caseTypes.Add((caseTypeGroups.Key, arms));
            if (!byArm.TryGetValue(baseline, out var b))
            {
                warnings.Add($"case type '{caseTypeGroups.Key}' has no cases in the baseline arm '{baseline}': no comparisons");
                continue;
            }

            foreach (var arm in armOrder.Where(a => a != baseline && byArm.ContainsKey(a)))
            {
                var t = byArm[arm];
                var seed = Seed(dataSha256, caseTypeGroups.Key, arm);
                foreach (var c in Compare(b, t, samples[b], samples[t], level, costs, shares, seed))
                {
                    pending.Add((caseTypeGroups.Key, c));
                }
            }
        }

        var eligible = pending.Select(p => p.Comparison.Sufficient(minimum) ? p.Comparison.Test.PValue : null).ToList();
        var adjusted = Holm.Adjust(eligible);
        var comparisons = pending.Select((p, i) => (p.CaseType, Result: p.Comparison.Finish(adjusted[i], minimum, level, config?.NonInferiorityMargins)))
            .ToList();
        var belowMinimum = comparisons.Where(c => c.Result.Verdict == Verdicts.InsufficientData)
            .Select(c => string.Create(CultureInfo.InvariantCulture,
                $"{c.CaseType}/{c.Result.Metric}: {c.Result.Baseline} n={c.Result.BaselineN}, {c.Result.Treatment} n={c.Result.TreatmentN} (minimum {minimum})"))
            .ToList();
        if (belowMinimum.Count > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{belowMinimum.Count} comparison(s) have fewer than {minimum} values in an arm: verdict insufficient_data (see metricsBelowMinimum)"));
        }

        var caseTypeResults = caseTypes.Select(ct => new CaseTypeResult(ct.CaseType, ct.Arms,
            [.. comparisons.Where(c => c.CaseType == ct.CaseType).Select(c => c.Result)])).ToList();

        var started = groups.Sum(g => g.Started);
        var completed = groups.Sum(g => g.Completed);
        var negative = groups.Sum(g => g.NegativeLeadTimes);
        if (started > completed)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{started - completed} case(s) started in the period are not completed: left out of every per-case metric"));
        }

        if (negative > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{negative} case(s) completed before they started (clock skew?): left out of lead time"));
        }

        if (_casesWithoutStart > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{_casesWithoutStart} case(s) of the pilot have events but no case.started (in no snapshot); {_surveysWithoutCase} of them carry citizen surveys with no matching case"));
        }

        var pilotMetrics = PilotMetrics(groups, baseline, armOrder, level, periodDays);
        var quality = new DataQualityReport(warnings, started, started - completed, _casesWithoutStart, _surveysWithoutCase,
            suppressed, sampleRatio, belowMinimum);
        return new Snapshot(_request, config?.Methodology.ConfigSha256, dataSha256, level, minimum, k, baseline,
            caseTypeResults, pilotMetrics, quality, Breakdowns(caseTypeResults, costs, shares));
    }

    /// <summary>
    /// Counts a completed case in the 7-day bin of its completion time (a completion before the period's start, clock
    /// skew, in the first bin; one at or after the end in <see cref="GroupAccumulator.CompletedAfterPeriod"/>).
    /// </summary>
    private void AddToWeek(GroupAccumulator group, long completedMs)
    {
        if (_weeks == 0)
        {
            return;
        }

        if (completedMs >= _toMs)
        {
            group.CompletedAfterPeriod++;
        }
        else
        {
            group.WeeklyCompleted[Math.Max(0, (completedMs - _fromMs) / WeekMs)]++;
        }
    }

    private SnapshotBreakdowns Breakdowns(List<CaseTypeResult> caseTypes, (bool Available, bool EnergyAvailable) costs,
        Dictionary<(string Arm, int Month), OverheadShare> shares)
    {
        var weeks = new List<(DateTimeOffset From, double Days)>(_weeks);
        for (var i = 0; i < _weeks; i++)
        {
            var start = _fromMs + (i * WeekMs);
            weeks.Add((DateTimeOffset.FromUnixTimeMilliseconds(start), (Math.Min(start + WeekMs, _toMs) - start) / (WeekMs / 7.0)));
        }

        double[]? maintenance = null;
        if (_weeks > 0)
        {
            maintenance = new double[_weeks];
            foreach (var (time, hours, _) in _maintenance.OrderBy(m => m.TimeMs).ThenBy(m => m.Hours))
            {
                maintenance[Math.Clamp((time - _fromMs) / WeekMs, 0, _weeks - 1)] += hours;
            }
        }

        var result = new List<CaseTypeBreakdown>(caseTypes.Count);
        foreach (var caseType in caseTypes)
        {
            var arms = new List<ArmBreakdown>(caseType.Arms.Count);
            foreach (var arm in caseType.Arms)
            {
                var g = _groups[(caseType.CaseType, arm.Arm)];
                arms.Add(new ArmBreakdown(arm.Arm, g.Completed, CostPartsOf(g, costs, shares), EnergyPartsOf(g, costs),
                    _weeks > 0 ? g.WeeklyCompleted : null, g.CompletedAfterPeriod));
            }

            result.Add(new CaseTypeBreakdown(caseType.CaseType, arms));
        }

        return new SnapshotBreakdowns(weeks, maintenance, result);
    }

    private CostParts? CostPartsOf(GroupAccumulator g, (bool Available, bool EnergyAvailable) costs,
        Dictionary<(string Arm, int Month), OverheadShare> shares)
    {
        if (CostMoments(g, costs, shares) is not { Count: > 0 } total)
        {
            return null;
        }

        double fixedSek = 0, maintenanceSek = 0;
        foreach (var (month, moments) in g.VariableCostByMonth.OrderBy(x => x.Key))
        {
            var share = shares.GetValueOrDefault((g.Arm, month));
            fixedSek += share.FixedPerCaseSek * moments.Count;
            maintenanceSek += share.MaintenancePerCaseSek * moments.Count;
        }

        var n = (double)total.Count;
        return new CostParts(g.StaffSek / n, g.AiSek / n, fixedSek / n, maintenanceSek / n);
    }

    private EnergyParts? EnergyPartsOf(GroupAccumulator g, (bool Available, bool EnergyAvailable) costs)
    {
        if (EnergyMoments(g, costs) is not { Count: > 0 } total)
        {
            return null;
        }

        var workstation = g.WorkstationWh / total.Count;
        var ai = g.AiWh / total.Count;
        return new EnergyParts(workstation, ai, workstation * Co2ePerWh, ai * Co2ePerWh);
    }

    private static int MonthIndex(long ms)
    {
        var utc = DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;
        return (utc.Year * 12) + utc.Month - 1;
    }

    private static PilotMonth MonthOf(int index) => new(index / 12, (index % 12) + 1);

    private static int Seed(string dataSha256, string caseType, string arm)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(dataSha256 + "\n" + caseType + "\n" + arm));
        return BitConverter.ToInt32(bytes, 0);
    }

    private static List<string> ArmOrder(List<string> armsSeen, string baseline) =>
        [baseline, .. armsSeen.Where(a => a != baseline)];

    /// <summary>The case type and arm's accumulator; null when either is not in the pilot's vocabulary.</summary>
    private GroupAccumulator? Group(string caseType, string arm)
    {
        if (_last is not null && _last.CaseType == caseType && _last.Arm == arm)
        {
            return _last;
        }

        if (!_groups.TryGetValue((caseType, arm), out var group))
        {
            if (!_caseTypes.Contains(caseType) || !_arms.Contains(arm))
            {
                return null;
            }

            group = new GroupAccumulator(caseType, arm, _weeks);
            _groups.Add((caseType, arm), group);
        }

        return _last = group;
    }

    private void AddCostAndEnergy(GroupAccumulator group, CaseRow row, long completedMs)
    {
        var staffSek = 0.0;
        foreach (var (role, seconds) in row.EffortByRole)
        {
            if (_pilot!.StaffRoles.TryGetValue(role, out var rate))
            {
                staffSek += seconds / SecondsPerHour * rate.HourlyCostSek;
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
            if (ModelRates(usage.Model) is not { } rates)
            {
                _missingModels.Add(usage.Model);
                continue;
            }

            aiSek += usage.CostSek + ((usage.InputTokens - usage.PricedInputTokens) * rates.InputSekPerToken)
                + ((usage.OutputTokens - usage.PricedOutputTokens) * rates.OutputSekPerToken);
            aiWh += usage.OutputTokens * rates.WhPerOutputToken;
        }

        var month = MonthIndex(completedMs);
        var workstationWh = _energyModel!.HumanWh(row.EffortSeconds);
        group.AddCost(month, staffSek + aiSek);
        group.AddEnergy(month, workstationWh + aiWh);
        group.StaffSek += staffSek;
        group.AiSek += aiSek;
        group.WorkstationWh += workstationWh;
        group.AiWh += aiWh;
    }

    /// <summary>
    /// Per-token cost and energy of a model, taken once from <see cref="CostModel.AiCostSek"/> and
    /// <see cref="EnergyModel.AiWh"/> (both linear in tokens), so millions of rows allocate nothing.
    /// </summary>
    private (double InputSekPerToken, double OutputSekPerToken, double WhPerOutputToken)? ModelRates(string model)
    {
        if (_modelRates.TryGetValue(model, out var rates))
        {
            return rates;
        }

        if (!_pilot!.AiModels.ContainsKey(model))
        {
            return null;
        }

        const long PerMillion = 1_000_000;
        rates = (_costModel!.AiCostSek(new AiUsageInput(model, PerMillion, 0)) / PerMillion,
            _costModel.AiCostSek(new AiUsageInput(model, 0, PerMillion)) / PerMillion,
            _energyModel!.AiWh(new AiUsageInput(model, 0, PerMillion)) / PerMillion);
        _modelRates.Add(model, rates);
        return rates;
    }

    private (bool Available, bool EnergyAvailable) CostAvailability(List<string> warnings)
    {
        if (_request.Config is null)
        {
            warnings.Add("no evaluation config loaded: cost_per_case_sek, energy_wh_per_case and co2e_g_per_case are null (not zero)");
            return (false, false);
        }

        if (_pilot is null)
        {
            warnings.Add($"pilot '{_request.Pilot}' is not in the evaluation config: cost_per_case_sek, energy_wh_per_case and co2e_g_per_case are null (not zero)");
            return (false, false);
        }

        // Counted, never named: a value outside the config may be anything a client sent, and snapshots are never erased.
        if (_missingRoles.Count > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{_missingRoles.Count} staff role(s) in the data have no hourly cost in the pilot's staffRoles (not named here): cost_per_case_sek is null"));
        }

        if (_missingModels.Count > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{_missingModels.Count} AI model(s) in the data have no price and size in the pilot's aiModels (not named here): cost_per_case_sek, energy_wh_per_case and co2e_g_per_case are null"));
        }

        return (_missingRoles.Count == 0 && _missingModels.Count == 0, _missingModels.Count == 0);
    }

    private Dictionary<(string Arm, int Month), OverheadShare> OverheadShares(List<string> warnings)
    {
        var completedByArmMonth = new Dictionary<(string Arm, int Month), int>();
        foreach (var g in _groups.Values)
        {
            foreach (var (month, moments) in g.VariableCostByMonth)
            {
                completedByArmMonth[(g.Arm, month)] = completedByArmMonth.GetValueOrDefault((g.Arm, month)) + (int)moments.Count;
            }
        }

        var hoursByArmMonth = new Dictionary<(string Arm, int Month), double>();
        foreach (var (time, hours, eventArm) in _maintenance)
        {
            if (_costModel!.MaintenanceArmOf(eventArm) is { } arm && _pilot!.HasArm(arm))
            {
                var key = (arm, MonthIndex(time));
                hoursByArmMonth[key] = hoursByArmMonth.GetValueOrDefault(key) + hours;
            }
        }

        var months = new SortedSet<int>(completedByArmMonth.Keys.Select(k => k.Month).Concat(hoursByArmMonth.Keys.Select(k => k.Month)));
        for (var m = MonthIndex(_request.From.ToUnixTimeMilliseconds()); m <= MonthIndex(_request.To.ToUnixTimeMilliseconds() - 1); m++)
        {
            months.Add(m);
        }

        var shares = new Dictionary<(string Arm, int Month), OverheadShare>();
        var unallocated = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var arm in _pilot!.Arms.Select(a => a.Name))
        {
            foreach (var month in months)
            {
                var overhead = _costModel!.Overhead(arm, MonthOf(month), new ArmMonthActivity(
                    completedByArmMonth.GetValueOrDefault((arm, month)), hoursByArmMonth.GetValueOrDefault((arm, month))));
                shares[(arm, month)] = new OverheadShare(overhead.FixedPerCaseSek, overhead.MaintenancePerCaseSek);
                if (overhead.UnallocatedSek > 0)
                {
                    unallocated[arm] = unallocated.GetValueOrDefault(arm) + overhead.UnallocatedSek;
                }
            }
        }

        foreach (var (arm, sek) in unallocated)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{sek:0.##} SEK of fixed and maintenance cost of arm '{arm}' fall in months with no completed case: not in cost_per_case_sek (unallocated)"));
        }

        warnings.Add("fixed and maintenance costs are spread over the snapshot's completed cases of each calendar month; months cut by the period edges carry a whole month's fixed cost");
        return shares;
    }

    /// <summary>What the data held that the snapshot does not use because it is outside the pilot's vocabulary.</summary>
    private void LeftOut(List<string> warnings)
    {
        if (_casesLeftOut > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{_casesLeftOut} case(s) have a case type or arm that is not in the pilot's config (or the pilot has no config): left out of every figure, and not named here"));
        }

        if (_maintenanceLeftOut > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{_maintenanceLeftOut} maintenance event(s) name an arm that is not in the pilot's config (or the pilot has no config): left out"));
        }
    }

    private void StaffWarnings(StaffSurveySelection staff, int k, List<string> warnings)
    {
        if (_surveys.Count == 0)
        {
            return;
        }

        // Says which weeks count, from the period and the time of the snapshot alone: a count of the answers left out
        // of the cut weeks would move with each answer near the period's ends.
        const string Rule = "staff-survey figures count only complete ISO weeks (Monday to Sunday, UTC) inside the period that ended at least 2 days before the snapshot";
        warnings.Add(staff.Weeks == 0
            ? Rule + ": there is none, so no staff figure is shown"
            : string.Create(CultureInfo.InvariantCulture,
                $"{Rule}: {staff.Weeks} complete week(s), {Day(staff.FirstWeekMs)} to {Day(staff.FirstWeekMs + (staff.Weeks * StaffWeeks.WeekMs) - StaffWeeks.DayMs)}; answers of other weeks, and answers received after a week was first published, are left out"));
        if (staff.SuppressedGroups > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{staff.SuppressedGroups} staff-survey group(s) (team × arm × week) have fewer than {k} answers: their {staff.SuppressedAnswers} answer(s) are left out of every figure"));
        }

        if (staff.OutsideVocabulary > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{staff.OutsideVocabulary} staff-survey answer(s) name a team or arm that is not in the pilot's config: left out"));
        }

        static string Day(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private SampleRatioCheck? CheckSampleRatio(List<string> warnings)
    {
        if (_pilot is null)
        {
            warnings.Add("no configured allocation for the pilot: arm balance (sample ratio) not checked");
            return null;
        }

        var observed = _pilot.Arms.Select(a => new KeyValuePair<string, long>(a.Name,
            _groups.Values.Where(g => g.Arm == a.Name).Sum(g => g.Started))).ToList();
        var shares = _pilot.Arms.Select(a => new KeyValuePair<string, double>(a.Name, a.Share)).ToList();
        if (SampleRatioTest.Test([.. observed.Select(o => o.Value)], [.. shares.Select(s => s.Value)]) is not { } test)
        {
            return null;
        }

        var mismatch = test.PValue < 0.001;
        if (mismatch)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"sample ratio mismatch: cases per arm ({string.Join(", ", observed.Select(o => o.Key + " " + o.Value))}) differ from the configured shares (chi-square {test.ChiSquare:0.##}, p = {test.PValue:G3} < 0.001): check how cases are allocated before trusting comparisons"));
        }

        return new SampleRatioCheck(observed, shares, test.ChiSquare, test.DegreesOfFreedom, test.PValue, mismatch);
    }

    private static Dictionary<GroupAccumulator, LeadTimeSample> PrepareLeadTimes(List<GroupAccumulator> groups, double level)
    {
        var prepared = new LeadTimeSample[groups.Count];
        Parallel.For(0, groups.Count, i => prepared[i] = LeadTimeSample.Prepare(groups[i].LeadTimes.ToArray(), level));
        return groups.Select((g, i) => (g, prepared[i])).ToDictionary(x => x.g, x => x.Item2);
    }

    private List<KeyValuePair<string, MetricValue>> ArmMetrics(GroupAccumulator g, LeadTimeSample lead, double level,
        double periodDays, (bool Available, bool EnergyAvailable) costs, Dictionary<(string Arm, int Month), OverheadShare> shares,
        Dictionary<string, Moments> wellbeing)
    {
        var m = new List<KeyValuePair<string, MetricValue>>(MetricKeys.PerArm.Count);
        void Add(string key, MetricValue value) => m.Add(new(key, value));
        Add(MetricKeys.CasesCompleted, new MetricValue(g.Completed, null, null, g.Completed));
        Add(MetricKeys.ThroughputPerWeek, new MetricValue(g.Completed / (periodDays / DaysPerWeek), null, null, g.Completed));
        Add(MetricKeys.LeadTimeMedian, lead.Median);
        Add(MetricKeys.LeadTimeP90, lead.P90);
        Add(MetricKeys.LeadTimeMean, Mean(g.LeadTime, level));
        Add(MetricKeys.EffortMean, Mean(g.Effort, level));
        Add(MetricKeys.AiSecondsMean, Mean(g.AiSeconds, level));
        Add(MetricKeys.ErrorRate, Proportion(g.Erroneous, g.Reviewed, level));
        Add(MetricKeys.ConsistencyRate, Proportion(g.Consistent, g.ConsistencySet, level));
        Add(MetricKeys.EscalationRate, Proportion(g.Escalated, g.Completed, level));
        Add(MetricKeys.IntegrationFailureRate, Proportion(g.IntegrationFailed, g.Completed, level));
        Add(MetricKeys.CsatMean, Mean(g.Csat, level));
        Add(MetricKeys.CsatSatisfiedShare, Proportion(g.Satisfied, g.Responded, level));
        Add(MetricKeys.Nps, NpsValue(g, level));
        Add(MetricKeys.SurveyResponseRate, Proportion(g.Responded, g.Completed, level));
        var cost = CostMoments(g, costs, shares);
        Add(MetricKeys.CostPerCase, cost is { } c ? Mean(c, level) : MetricValue.Empty(g.Completed));
        var energy = EnergyMoments(g, costs);
        Add(MetricKeys.EnergyPerCase, energy is { } e ? Mean(e, level) : MetricValue.Empty(g.Completed));
        Add(MetricKeys.Co2ePerCase, energy is { } e2 ? Mean(e2.Scaled(Co2ePerWh), level) : MetricValue.Empty(g.Completed));
        Add(MetricKeys.StaffWellbeingMean, Mean(wellbeing.GetValueOrDefault(g.Arm), level));
        return m;
    }

    private double Co2ePerWh => _energyModel?.Co2eGrams(1) ?? double.NaN;

    private static Moments NpsMoments(GroupAccumulator g) =>
        Moments.FromSums(g.NpsCount, g.NpsPromoters - g.NpsDetractors, g.NpsPromoters + g.NpsDetractors).Scaled(100);

    private static MetricValue NpsValue(GroupAccumulator g, double level)
    {
        var value = Mean(NpsMoments(g), level);
        return value with
        {
            CiLow = value.CiLow is { } low ? Math.Max(-100, low) : null,
            CiHigh = value.CiHigh is { } high ? Math.Min(100, high) : null,
        };
    }

    private Moments? CostMoments(GroupAccumulator g, (bool Available, bool EnergyAvailable) costs,
        Dictionary<(string Arm, int Month), OverheadShare> shares)
    {
        if (!costs.Available)
        {
            return null;
        }

        var total = default(Moments);
        foreach (var (month, moments) in g.VariableCostByMonth.OrderBy(x => x.Key))
        {
            total = Moments.Combine(total, moments.Shifted(shares.GetValueOrDefault((g.Arm, month)).TotalSek));
        }

        return total;
    }

    private Moments? EnergyMoments(GroupAccumulator g, (bool Available, bool EnergyAvailable) costs)
    {
        if (!costs.EnergyAvailable)
        {
            return null;
        }

        var total = default(Moments);
        foreach (var (_, moments) in g.EnergyByMonth.OrderBy(x => x.Key))
        {
            total = Moments.Combine(total, moments);
        }

        return total;
    }

    private static MetricValue Mean(in Moments m, double level)
    {
        if (m.Count == 0)
        {
            return MetricValue.Empty(0);
        }

        var ci = MeanInterval.Of(m, level);
        return new MetricValue(m.Mean, ci?.Low, ci?.High, m.Count);
    }

    private static MetricValue Proportion(long x, long n, double level)
    {
        if (n == 0)
        {
            return MetricValue.Empty(0);
        }

        var ci = Proportions.Wilson(x, n, level);
        return new MetricValue((double)x / n, ci?.Low, ci?.High, n);
    }

    private IEnumerable<PendingComparison> Compare(GroupAccumulator b, GroupAccumulator t, LeadTimeSample bLead,
        LeadTimeSample tLead, double level, (bool Available, bool EnergyAvailable) costs,
        Dictionary<(string Arm, int Month), OverheadShare> shares, int seed)
    {
        PendingComparison Means(string metric, in Moments mb, in Moments mt) =>
            new(metric, b.Arm, t.Arm, "welch_t", mb.Count, mt.Count, mb.Count > 0 ? mb.Mean : null, WelchTest.Compare(mb, mt, level));

        PendingComparison Shares(string metric, long xb, long nb, long xt, long nt) =>
            new(metric, b.Arm, t.Arm, "newcombe_hybrid_score", nb, nt, nb > 0 ? (double)xb / nb : null,
                Proportions.Compare(xb, nb, xt, nt, level));

        yield return new PendingComparison(MetricKeys.LeadTimeMedian, b.Arm, t.Arm, "percentile_bootstrap_median", bLead.Count,
            tLead.Count, bLead.Median.Value, bLead.Count > 0 && tLead.Count > 0
                ? MedianBootstrap.Compare(bLead.Sample, tLead.Sample, level, seed)
                : new TestResult(double.NaN, null, null, double.NaN));
        yield return Means(MetricKeys.LeadTimeMean, b.LeadTime, t.LeadTime);
        yield return Means(MetricKeys.EffortMean, b.Effort, t.Effort);
        yield return Means(MetricKeys.AiSecondsMean, b.AiSeconds, t.AiSeconds);
        yield return Shares(MetricKeys.ErrorRate, b.Erroneous, b.Reviewed, t.Erroneous, t.Reviewed);
        yield return Shares(MetricKeys.ConsistencyRate, b.Consistent, b.ConsistencySet, t.Consistent, t.ConsistencySet);
        yield return Shares(MetricKeys.EscalationRate, b.Escalated, b.Completed, t.Escalated, t.Completed);
        yield return Shares(MetricKeys.IntegrationFailureRate, b.IntegrationFailed, b.Completed, t.IntegrationFailed, t.Completed);
        yield return Means(MetricKeys.CsatMean, b.Csat, t.Csat);
        yield return Shares(MetricKeys.CsatSatisfiedShare, b.Satisfied, b.Responded, t.Satisfied, t.Responded);
        yield return Means(MetricKeys.Nps, NpsMoments(b), NpsMoments(t));
        yield return Shares(MetricKeys.SurveyResponseRate, b.Responded, b.Completed, t.Responded, t.Completed);
        if (CostMoments(b, costs, shares) is { } cb && CostMoments(t, costs, shares) is { } ct)
        {
            yield return Means(MetricKeys.CostPerCase, cb, ct);
        }

        if (EnergyMoments(b, costs) is { } eb && EnergyMoments(t, costs) is { } et)
        {
            yield return Means(MetricKeys.EnergyPerCase, eb, et);
            yield return Means(MetricKeys.Co2ePerCase, eb.Scaled(Co2ePerWh), et.Scaled(Co2ePerWh));
        }
    }

    private List<PilotMetric> PilotMetrics(List<GroupAccumulator> groups, string baseline, List<string> armOrder, double level, double periodDays)
    {
        var metrics = new List<PilotMetric>
        {
            new(MetricKeys.MaintenanceHours, null, new MetricValue(_maintenance.Sum(m => m.Hours), null, null, _maintenance.Count)),
        };
        foreach (var arm in armOrder)
        {
            var events = _maintenance.Where(m => (_costModel?.MaintenanceArmOf(m.Arm) ?? m.Arm) == arm).ToList();
            if (events.Count > 0)
            {
                metrics.Add(new(MetricKeys.MaintenanceHours, arm, new MetricValue(events.Sum(m => m.Hours), null, null, events.Count)));
            }
        }

        var months = periodDays / DaysPerMonth;
        var z = Proportions.Z(level);
        foreach (var arm in armOrder.Where(a => a != baseline))
        {
            double value = 0, variance = 0;
            long n = 0;
            var any = false;
            foreach (var caseType in groups.GroupBy(g => g.CaseType))
            {
                var b = caseType.FirstOrDefault(g => g.Arm == baseline);
                var t = caseType.FirstOrDefault(g => g.Arm == arm);
                if (b is null || t is null || b.Effort.Count < 2 || t.Effort.Count < 2)
                {
                    continue;
                }

                any = true;
                var volume = t.Completed / months / SecondsPerHour;
                value += StaffTimeModel.HoursFreedPerMonth(b.Effort.Mean, t.Effort.Mean, t.Completed / months);
                variance += volume * volume * ((b.Effort.Variance / b.Effort.Count) + (t.Effort.Variance / t.Effort.Count));
                n += t.Completed;
            }

            metrics.Add(new(MetricKeys.StaffHoursFreedPerMonth, arm, any
                ? new MetricValue(value, value - (z * Math.Sqrt(variance)), value + (z * Math.Sqrt(variance)), n)
                : MetricValue.Empty(n)));
        }

        return metrics;
    }
}
