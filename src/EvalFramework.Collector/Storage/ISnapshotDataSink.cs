namespace EvalFramework.Collector.Storage;

/// <summary>
/// What a snapshot read hands on (<see cref="ICollectorDatabase.ReadSnapshotData"/>): the period's staff surveys,
/// maintenance, the pilot's earlier snapshots and unmatched counts, then every case record in ascending case id
/// (UTF-8 byte) order. Storage only reads; the snapshot code decides what the data means.
/// </summary>
internal interface ISnapshotDataSink
{
    /// <summary>One <c>survey.staff</c> answer of the period, with its respondent pseudonym when it carries one.</summary>
    void AddStaffSurvey(DateTimeOffset time, DateTimeOffset received, string team, string arm, string? respondent, int wellbeing);

    /// <summary>One of the pilot's stored snapshots (they fix the staff answers of the weeks they published).</summary>
    void AddEarlierSnapshot(DateTimeOffset from, DateTimeOffset to, DateTimeOffset created);

    /// <summary>
    /// One <c>pilot.maintenance</c> event of the period or of the longest amortisation before it (one-off work done
    /// earlier can be amortised into the period; the snapshot code decides).
    /// </summary>
    void AddMaintenance(DateTimeOffset time, double hours, string? arm, string? kind);

    /// <summary>The pilot's cases without a start, and how many of them carry a citizen survey.</summary>
    void SetUnmatched(long withoutStart, long surveysWithoutCase);

    /// <summary>
    /// One case record (<c>CaseRecordCodec</c>); called on a thread of the read's pipeline, after the calls above,
    /// one record at a time. The bytes are valid only during the call.
    /// </summary>
    void AddCaseRecord(ReadOnlySpan<byte> record);
}
