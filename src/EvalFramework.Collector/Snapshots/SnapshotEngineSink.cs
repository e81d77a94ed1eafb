using EvalFramework.Collector.Storage;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Collector.Snapshots;

/// <summary>Hands what storage reads for a snapshot to the <see cref="SnapshotEngine"/> that computes it.</summary>
internal sealed class SnapshotEngineSink(SnapshotEngine engine) : ISnapshotDataSink
{
    public void AddStaffSurvey(DateTimeOffset time, DateTimeOffset received, string team, string arm, string? respondent, int wellbeing) =>
        engine.AddStaffSurvey(time, received, team, arm, respondent, wellbeing);

    public void AddEarlierSnapshot(DateTimeOffset from, DateTimeOffset to, DateTimeOffset created) =>
        engine.AddEarlierSnapshot(from, to, created);

    public void AddMaintenance(DateTimeOffset time, double hours, string? arm, string? kind) => engine.AddMaintenance(time, hours, arm, kind);

    public void SetUnmatched(long withoutStart, long surveysWithoutCase) => engine.SetUnmatched(withoutStart, surveysWithoutCase);

    public void AddCaseRecord(ReadOnlySpan<byte> record) => engine.AddCaseRecord(record);
}
