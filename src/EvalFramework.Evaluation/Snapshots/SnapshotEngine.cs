using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Models;
using EvalFramework.Evaluation.Privacy;
using EvalFramework.Evaluation.Snapshots.Accumulation;
using EvalFramework.Evaluation.Snapshots.Calculation;

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
/// The work is in two halves: <see cref="SnapshotAccumulator"/> reads the data (running totals, costs and energy
/// through <see cref="CostModel"/> and <see cref="EnergyModel"/>, the data hash), <see cref="SnapshotCalculator"/>
/// computes the figures from it.
/// </remarks>
public sealed class SnapshotEngine : IDisposable
{
    private readonly SnapshotRequest _request;
    private readonly PilotConfig? _pilot;
    private readonly CostModel? _costModel;
    private readonly EnergyModel? _energyModel;
    private readonly SnapshotAccumulator _data;
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
        _pilot = request.Config?.FindPilot(request.Pilot);
        if (_pilot is not null)
        {
            _costModel = new CostModel(_pilot);
            _energyModel = new EnergyModel(request.Config!.Energy, _pilot);
        }

        _data = new SnapshotAccumulator(new SnapshotPeriod(request.From, request.To, SnapshotBreakdowns.MaxWeeks), _pilot,
            _costModel, _energyModel);
    }

    /// <summary>Adds one case started in the period. The row is read at once and may be reused afterwards.</summary>
    /// <param name="row">The case.</param>
    public void AddCase(CaseRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _data.AddCase(row);
    }

    /// <summary>
    /// Adds one case started in the period, given as its stored <see cref="CaseRecordCodec"/> record: hashed as it
    /// is and decoded once, without allocating per record. Same result as <see cref="AddCase"/> with the decoded row.
    /// </summary>
    /// <param name="record">The case's record; read at once, so the memory may be reused afterwards.</param>
    /// <exception cref="FormatException">The bytes are not a well-formed case record.</exception>
    public void AddCaseRecord(ReadOnlySpan<byte> record) => _data.AddCaseRecord(record);

    /// <summary>
    /// Adds one staff survey answer of the period (<c>survey.staff</c>). Whether it counts is decided when the snapshot
    /// is computed (whole weeks, groups in which at least k persons answered, answers with a respondent; see
    /// <see cref="StaffSurveySelection"/>).
    /// </summary>
    /// <param name="time">The answer's time.</param>
    /// <param name="received">When the collector received it.</param>
    /// <param name="team">The team slug.</param>
    /// <param name="arm">The arm slug.</param>
    /// <param name="respondent">The staff member's pseudonym (<c>respondent</c>, contract v2), or null when the answer has none.</param>
    /// <param name="wellbeing">Well-being, 1–5.</param>
    public void AddStaffSurvey(DateTimeOffset time, DateTimeOffset received, string team, string arm, string? respondent, int wellbeing)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(arm);
        _data.AddStaffSurvey(new StaffAnswer(time.ToUnixTimeMilliseconds(), received.ToUnixTimeMilliseconds(), team, arm, respondent, wellbeing));
    }

    /// <summary>
    /// Adds an earlier snapshot of the pilot. A week of staff answers that an earlier snapshot published keeps the
    /// answers received before that snapshot was made: an answer arriving later never changes a published figure.
    /// </summary>
    /// <param name="from">Its period's start.</param>
    /// <param name="to">Its period's end.</param>
    /// <param name="createdAt">When it was made.</param>
    public void AddEarlierSnapshot(DateTimeOffset from, DateTimeOffset to, DateTimeOffset createdAt) =>
        _data.AddEarlierSnapshot(new EarlierSnapshot(from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), createdAt.ToUnixTimeMilliseconds()));

    /// <summary>
    /// Adds one maintenance event (<c>pilot.maintenance</c>) of the period, or one from up to
    /// <see cref="MaintenanceConfig.MaxAmortisationMonths"/> months before it: earlier one-off work
    /// (<c>maintenance.oneOffKinds</c>) is amortised into the period; other earlier events are ignored.
    /// </summary>
    /// <param name="time">Event time.</param>
    /// <param name="hours">Hours.</param>
    /// <param name="arm">The event's arm, if any.</param>
    /// <param name="kind">The event's kind, if any.</param>
    public void AddMaintenance(DateTimeOffset time, double hours, string? arm, string? kind) =>
        _data.AddMaintenance(time.ToUnixTimeMilliseconds(), hours, arm, kind);

    /// <summary>Data-quality counts found outside the period's cases.</summary>
    /// <param name="casesWithoutStart">Case rows of the pilot with events but no <c>case.started</c>.</param>
    /// <param name="surveysWithoutCase">Of those, rows carrying citizen surveys.</param>
    public void SetUnmatched(long casesWithoutStart, long surveysWithoutCase)
    {
        _data.CasesWithoutStart = casesWithoutStart;
        _data.SurveysWithoutCase = surveysWithoutCase;
    }

    /// <summary>The SHA-256 of the data used (lower-case hex), known once the snapshot is computed.</summary>
    public string? DataSha256 { get; private set; }

    /// <summary>Computes the snapshot and serialises it (UTF-8 JSON, the bytes to store). Call once.</summary>
    /// <returns>The snapshot JSON.</returns>
    public byte[] ComputeJson() => SnapshotJsonWriter.Write(Compute());

    /// <inheritdoc />
    public void Dispose() => _data.Dispose();

    internal Snapshot Compute()
    {
        if (_computed)
        {
            throw new InvalidOperationException("a snapshot is computed once");
        }

        _computed = true;
        var k = _request.Config?.KAnonymity ?? ConfigDefaults.KAnonymity;
        var period = _data.Period;
        var staff = StaffSurveySelection.Select(_data.Surveys, period.FromMs, period.ToMs, _request.CreatedAt.ToUnixTimeMilliseconds(),
            _data.Earlier, _data.Teams, _data.Arms, k);
        var armsSeen = _data.Groups.Keys.Select(g => g.Arm).Distinct().Order(StringComparer.Ordinal).ToList();
        var dataSha256 = _data.FinishHash(armsSeen, staff.ByArm);
        DataSha256 = dataSha256;
        return new SnapshotCalculator(_request, _pilot, _costModel, _energyModel).Calculate(_data, staff, armsSeen, dataSha256, k);
    }
}
