using Dapper;
using EvalFramework.Evaluation.Snapshots;
using Npgsql;

namespace EvalFramework.Collector.Storage.Postgres;

/// <summary>
/// The ingest writer's PostgreSQL session. A group commit is one transaction of a few array statements: the events
/// (<c>ON CONFLICT DO NOTHING</c> on the unique (pilot, id): stored once however many replicas receive them), the AI
/// usage rows, the case rows (their new values returned), the stored records of cases that had some, and the new
/// records. Several replicas write at once: rows are locked in one order everywhere (events, then AI usage, then
/// cases, each sorted by key), so two writers never wait for each other in a circle; a deadlock or serialization
/// failure PostgreSQL still reports is retried. A connection the server ended is replaced, and the group taken again.
/// </summary>
internal sealed class PostgresEventBatchWriter(NpgsqlDataSource dataSource) : IEventBatchWriter
{
    private const int MaxAttempts = 5;

    private readonly CaseDeltas _deltas = new();
    private readonly List<StartedCase> _started = [];
    private readonly CaseRow _stored = new();
    private readonly Utf8StringCache _strings = new();
    private NpgsqlConnection? _connection;

    public IReadOnlyList<StartedCase> Started => _started;

    public bool[][] Commit(IReadOnlyList<WriteRequest> group, long nowMs)
    {
        var reconnected = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _connection ??= dataSource.OpenConnection();
                return CommitOnce(_connection, group, nowMs);
            }
            catch (NpgsqlException e)
            {
                // The transaction rolled back or never reached the server; only a connection that broke during the commit
                // leaves the outcome open.
                var broken = _connection is not { State: System.Data.ConnectionState.Open };
                if (broken)
                {
                    _connection?.Dispose();
                    _connection = null;
                }

                // Taken again: after a deadlock or serialization failure, and once on a new connection when the server
                // ended the old one (a restart, a failover). Safe even if that commit went through: its events then
                // come back as duplicates, stored once.
                var again = e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure }
                    || (broken && !reconnected);
                if (!again || attempt >= MaxAttempts)
                {
                    throw;
                }

                reconnected |= broken;
            }
        }
    }

    private bool[][] CommitOnce(NpgsqlConnection connection, IReadOnlyList<WriteRequest> group, long nowMs)
    {
        _deltas.Clear();
        _started.Clear();
        using var transaction = connection.BeginTransaction();
        var inserted = InsertEvents(connection, transaction, group, nowMs);
        var results = new bool[group.Count][];
        for (var r = 0; r < group.Count; r++)
        {
            var events = group[r].Events;
            results[r] = new bool[events.Count];
            for (var i = 0; i < events.Count; i++)
            {
                // The first of the group's copies of an id is the one stored, as when SQLite writes them in turn.
                var e = events[i].Event;
                if (inserted.Remove((e.Pilot!, e.Id!)))
                {
                    results[r][i] = true;
                    _deltas.Add(e);
                }
            }
        }

        if (_deltas.Cases.Count > 0)
        {
            UpsertAiUsage(connection, transaction);
            var cases = UpsertCases(connection, transaction, nowMs);
            WriteRecords(connection, transaction, cases);
        }

        transaction.Commit();
        return results;
    }

    /// <summary>Inserts the group's events in (pilot, id) order; returns the keys that were new.</summary>
    private static HashSet<(string Pilot, string Id)> InsertEvents(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<WriteRequest> group, long nowMs)
    {
        var all = new List<(PendingEvent Pending, string Key)>();
        foreach (var request in group)
        {
            all.AddRange(request.Events.Select(e => (e, request.KeyName)));
        }

        // Stable: of two copies of one id, the earlier in the group comes first and is the one inserted.
        var sorted = all.OrderBy(x => x.Pending.Event.Pilot, StringComparer.Ordinal)
            .ThenBy(x => x.Pending.Event.Id, StringComparer.Ordinal).ToList();
        using var command = new NpgsqlCommand(PostgresSql.InsertEvents, connection, transaction);
        Column(command, "pilot", sorted, x => x.Pending.Event.Pilot!);
        Column(command, "id", sorted, x => x.Pending.Event.Id!);
        Column(command, "type", sorted, x => x.Pending.Event.Type!);
        Column(command, "case", sorted, x => x.Pending.Event.CaseId);
        Column(command, "time", sorted, x => x.Pending.Event.Time!.Value.ToUnixTimeMilliseconds());
        Column(command, "key", sorted, x => x.Key);
        Column(command, "body", sorted, x => x.Pending.Body);
        command.Parameters.Add(new NpgsqlParameter<long>("now", nowMs));
        var inserted = new HashSet<(string, string)>(sorted.Count);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            inserted.Add((reader.GetString(0), reader.GetString(1)));
        }

        return inserted;
    }

    private void UpsertAiUsage(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        if (_deltas.AiUsage.Count == 0)
        {
            return;
        }

        var rows = _deltas.AiUsage.OrderBy(x => x.Key.Pilot, StringComparer.Ordinal).ThenBy(x => x.Key.CaseId, StringComparer.Ordinal)
            .ThenBy(x => x.Key.Model, StringComparer.Ordinal).ToList();
        using var command = new NpgsqlCommand(PostgresSql.UpsertAiUsage, connection, transaction);
        Column(command, "pilot", rows, x => x.Key.Pilot);
        Column(command, "case", rows, x => x.Key.CaseId);
        Column(command, "model", rows, x => x.Key.Model);
        Column(command, "calls", rows, x => x.Value.Calls);
        Column(command, "input", rows, x => x.Value.InputTokens);
        Column(command, "output", rows, x => x.Value.OutputTokens);
        Column(command, "durationMs", rows, x => x.Value.DurationMs);
        Column(command, "pricedInput", rows, x => x.Value.PricedInputTokens);
        Column(command, "pricedOutput", rows, x => x.Value.PricedOutputTokens);
        Column(command, "costSek", rows, x => x.Value.CostSek);
        command.ExecuteNonQuery();
    }

    /// <summary>Upserts the touched case rows in key order; returns each one's new values as a record row.</summary>
    private List<UpsertedCase> UpsertCases(NpgsqlConnection connection, NpgsqlTransaction transaction, long nowMs)
    {
        var rows = _deltas.Cases.OrderBy(x => x.Key.Pilot, StringComparer.Ordinal).ThenBy(x => x.Key.CaseId, StringComparer.Ordinal)
            .Select(x => (x.Key.Pilot, x.Key.CaseId, Delta: x.Value)).ToList();
        using var command = new NpgsqlCommand(PostgresSql.UpsertCases, connection, transaction);
        Column(command, "pilot", rows, x => x.Pilot);
        Column(command, "case", rows, x => x.CaseId);
        var binder = new ArrayBinder(command, rows.ConvertAll(x => x.Delta));
        foreach (var column in CaseColumns.All)
        {
            column.Accept(binder);
        }

        command.Parameters.Add(new NpgsqlParameter<long>("now", nowMs));

        var upserted = new List<UpsertedCase>(rows.Count);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var (pilot, caseId) = (reader.GetString(0), reader.GetString(1));
            var row = new CaseRow();
            var (startedMs, effortEvents, aiCalls) = CaseRecordRow.Read(reader, caseId, row, offset: 2);
            if (startedMs is { } started)
            {
                _started.Add(new StartedCase(pilot, caseId, row.CaseType, row.Arm, started));
            }

            var delta = _deltas.Cases[(pilot, caseId)];
            upserted.Add(new UpsertedCase(pilot, caseId, startedMs, row, delta,
                HadEarlier: effortEvents > delta.EffortEvents || aiCalls > delta.AiCalls));
        }

        return upserted;
    }

    /// <summary>
    /// Gives each case its record: effort by role and AI usage by model from the stored record plus this transaction's
    /// deltas (rebuilt from the source tables when a case had earlier ones but its record cannot be found), then
    /// writes them all.
    /// </summary>
    private void WriteRecords(NpgsqlConnection connection, NpgsqlTransaction transaction, List<UpsertedCase> cases)
    {
        var earlier = cases.Where(c => c.HadEarlier).ToList();
        var stored = new Dictionary<(string, string), byte[]>(earlier.Count);
        if (earlier.Count > 0)
        {
            using var select = new NpgsqlCommand(PostgresSql.SelectRecords, connection, transaction);
            Column(select, "pilot", earlier, c => c.Pilot);
            Column(select, "case", earlier, c => c.CaseId);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                stored[(reader.GetString(0), reader.GetString(1))] = reader.GetFieldValue<byte[]>(2);
            }
        }

        var records = new byte[cases.Count][];
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            if (!c.HadEarlier)
            {
                CaseRecordMerge.AddStoredAndDelta(c.Row, default, c.Delta, _stored, _strings);
            }
            else if (stored.TryGetValue((c.Pilot, c.CaseId), out var record))
            {
                CaseRecordMerge.AddStoredAndDelta(c.Row, record, c.Delta, _stored, _strings);
            }
            else
            {
                Rebuild(connection, transaction, c.Pilot, c.CaseId, c.Row);
            }

            records[i] = CaseRecordCodec.Encode(c.Row);
        }

        using var upsert = new NpgsqlCommand(PostgresSql.UpsertRecords, connection, transaction);
        Column(upsert, "pilot", cases, c => c.Pilot);
        Column(upsert, "case", cases, c => c.CaseId);
        Column(upsert, "startedMs", cases, c => c.StartedMs);
        upsert.Parameters.Add(new NpgsqlParameter<byte[][]>("record", records));
        upsert.ExecuteNonQuery();
    }

    /// <summary>Effort by role and AI usage by model from the source tables (which hold this transaction's events too).</summary>
    private static void Rebuild(NpgsqlConnection connection, NpgsqlTransaction transaction, string pilot, string caseId, CaseRow row)
    {
        row.EffortByRole.Clear();
        row.AiUsage.Clear();
        var args = new { Pilot = pilot, Case = caseId };
        foreach (var (role, seconds) in connection.Query<(string?, double)>(PostgresSql.SourceEffort, args, transaction))
        {
            CaseRecordMerge.AddEffort(row.EffortByRole, role ?? "", seconds);
        }

        row.AiUsage.AddRange(connection.Query<(string, long, long, long, long, double)>(PostgresSql.SourceAiUsage, args, transaction)
            .Select(u => new ModelUsage(u.Item1, u.Item2, u.Item3, u.Item4, u.Item5, u.Item6)));
        CaseRecordMerge.SortByUtf8(row);
    }

    /// <summary>Binds one column of the rows as an array parameter (for <c>unnest</c>).</summary>
    private static void Column<TRow, T>(NpgsqlCommand command, string name, List<TRow> rows, Func<TRow, T> value)
    {
        var column = new T[rows.Count];
        for (var i = 0; i < column.Length; i++)
        {
            column[i] = value(rows[i]);
        }

        command.Parameters.Add(new NpgsqlParameter<T[]>(name, column));
    }

    public void Dispose() => _connection?.Dispose();

    /// <summary>Binds a <see cref="CaseColumn"/> of the rows' deltas as one typed array parameter.</summary>
    private sealed class ArrayBinder(NpgsqlCommand command, List<CaseDelta> deltas) : ICaseColumnVisitor
    {
        public void Visit<T>(CaseColumn<T> column) => Column(command, column.Parameter, deltas, column.Read);
    }

    private sealed record UpsertedCase(string Pilot, string CaseId, long? StartedMs, CaseRow Row, CaseDelta Delta, bool HadEarlier);
}
