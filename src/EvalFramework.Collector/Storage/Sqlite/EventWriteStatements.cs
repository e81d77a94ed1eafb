using EvalFramework.Evaluation.Snapshots;
using Microsoft.Data.Sqlite;

namespace EvalFramework.Collector.Storage.Sqlite;

/// <summary>
/// The writer's prepared statements and the case deltas of the open transaction: <see cref="Write"/> stores an
/// event once and folds it into its case's delta; <see cref="WriteCases"/> writes each touched case row once,
/// just before the commit, and with it the case's record (<see cref="CaseRecordCodec"/>): the row's new values
/// from the upsert's <c>RETURNING</c>, with effort by role and AI usage by model merged into the stored record.
/// </summary>
internal sealed class EventWriteStatements : IDisposable
{
    private readonly PreparedCommand _insertEvent;
    private readonly PreparedCommand _upsertCase;
    private readonly PreparedCommand _aiUsageByModel;
    private readonly PreparedCommand _selectRecord;
    private readonly PreparedCommand _upsertRecord;
    private readonly CaseRecordSource _source;
    private readonly CaseRow _row = new();
    private readonly CaseRow _stored = new();
    private readonly Utf8StringCache _strings = new();
    private readonly CaseDeltas _deltas = new();

    public EventWriteStatements(SqliteConnection connection)
    {
        _insertEvent = new(connection, CaseSql.InsertEvent, "$pilot", "$id", "$type", "$case", "$time", "$now", "$key", "$body");
        _upsertCase = new(connection, CaseSql.UpsertCase, ["$pilot", "$case", .. CaseSql.CaseParameters, "$now"]);
        _aiUsageByModel = new(connection, CaseSql.AiUsageByModel, "$pilot", "$case", "$model", "$calls", "$input", "$output",
            "$durationMs", "$pricedInput", "$pricedOutput", "$costSek");
        _selectRecord = new(connection, CaseSql.SelectRecord, "$pilot", "$case");
        _upsertRecord = new(connection, CaseSql.UpsertRecord, "$pilot", "$case", "$startedMs", "$record");
        _source = new CaseRecordSource(connection, null);
    }

    /// <summary>The started cases the transaction's case rows hold (<see cref="IEventBatchWriter.Started"/>).</summary>
    public List<StartedCase> Started { get; } = [];

    /// <summary>Joins the statements to a transaction and forgets the deltas of any earlier one.</summary>
    public void Begin(SqliteTransaction transaction)
    {
        _deltas.Clear();
        Started.Clear();
        _insertEvent.Transaction = transaction;
        _upsertCase.Transaction = transaction;
        _aiUsageByModel.Transaction = transaction;
        _selectRecord.Transaction = transaction;
        _upsertRecord.Transaction = transaction;
        _source.Transaction = transaction;
    }

    /// <summary>Stores the event unless its id is already stored; returns whether it was new.</summary>
    public bool Write(PendingEvent pending, string keyName, long nowMs)
    {
        var e = pending.Event;
        var inserted = _insertEvent
            .Set("$pilot", e.Pilot).Set("$id", e.Id).Set("$type", e.Type).Set("$case", e.CaseId)
            .Set("$time", e.Time!.Value.ToUnixTimeMilliseconds()).Set("$now", nowMs).Set("$key", keyName)
            .Set("$body", pending.Body)
            .Execute() == 1;
        if (inserted)
        {
            _deltas.Add(e);
        }

        return inserted;
    }

    /// <summary>Writes every AI usage row, case row and case record the transaction's new events touched.</summary>
    public void WriteCases(long nowMs)
    {
        foreach (var ((pilot, caseId, model), u) in _deltas.AiUsage)
        {
            _aiUsageByModel.Set("$pilot", pilot).Set("$case", caseId).Set("$model", model).Set("$calls", u.Calls)
                .Set("$input", u.InputTokens).Set("$output", u.OutputTokens).Set("$durationMs", u.DurationMs)
                .Set("$pricedInput", u.PricedInputTokens).Set("$pricedOutput", u.PricedOutputTokens).Set("$costSek", u.CostSek)
                .Execute();
        }

        foreach (var ((pilot, caseId), d) in _deltas.Cases)
        {
            _upsertCase.Set("$pilot", pilot).Set("$case", caseId).Set("$now", nowMs);
            for (var i = 0; i < CaseColumns.All.Count; i++)
            {
                _upsertCase.Set(CaseSql.CaseParameters[i], CaseColumns.All[i].Value(d));
            }

            long? startedMs;
            long effortEvents, aiCalls;
            using (var returned = _upsertCase.ExecuteReader())
            {
                returned.Read();
                (startedMs, effortEvents, aiCalls) = CaseRecordRow.Read(returned, caseId, _row);
            }

            if (startedMs is { } started)
            {
                Started.Add(new StartedCase(pilot, caseId, _row.CaseType, _row.Arm, started));
            }

            MergeEffortAndUsage(pilot, caseId, d, effortEvents > d.EffortEvents || aiCalls > d.AiCalls);
            _upsertRecord.Set("$pilot", pilot).Set("$case", caseId).Set("$startedMs", startedMs)
                .Set("$record", CaseRecordCodec.Encode(_row))
                .Execute();
        }
    }

    /// <summary>
    /// Gives <see cref="_row"/> the case's effort by role and AI usage by model: the transaction's deltas, added to the
    /// stored record's when earlier transactions had some (<paramref name="hadEarlier"/>); rebuilt from the source
    /// tables, which already hold this transaction's events, when that record is missing.
    /// </summary>
    private void MergeEffortAndUsage(string pilot, string caseId, CaseDelta delta, bool hadEarlier)
    {
        byte[]? stored = null;
        if (hadEarlier)
        {
            using (var reader = _selectRecord.Set("$pilot", pilot).Set("$case", caseId).ExecuteReader())
            {
                stored = reader.Read() ? (byte[])reader.GetValue(0) : null;
            }

            if (stored is null)
            {
                _source.Load(pilot, caseId, _row);
                return;
            }
        }

        CaseRecordMerge.AddStoredAndDelta(_row, stored, delta, _stored, _strings);
    }

    public void Dispose()
    {
        _insertEvent.Dispose();
        _upsertCase.Dispose();
        _aiUsageByModel.Dispose();
        _selectRecord.Dispose();
        _upsertRecord.Dispose();
        _source.Dispose();
    }
}
