using EvalFramework.Evaluation.Snapshots;
using Microsoft.Data.Sqlite;

namespace EvalFramework.Collector.Storage.Sqlite;

/// <summary>
/// The data step of migrations 3, 4 and 6: a record for every case row already stored, built from the source tables
/// (the row's values, its effort events and its AI usage rows).
/// </summary>
internal static class CaseRecordBackfill
{
    /// <summary>The data step of the migrations since the assignment columns exist (6).</summary>
    public static void Run(SqliteConnection connection, SqliteTransaction transaction) => Run(connection, transaction, withAssignment: true);

    /// <summary>The data step of the migrations before the assignment columns existed (3 and 4).</summary>
    public static void RunBeforeAssignment(SqliteConnection connection, SqliteTransaction transaction) =>
        Run(connection, transaction, withAssignment: false);

    private static void Run(SqliteConnection connection, SqliteTransaction transaction, bool withAssignment)
    {
        using var source = new CaseRecordSource(connection, transaction);
        using var insert = new PreparedCommand(connection, CaseSql.UpsertRecord, "$pilot", "$case", "$startedMs", "$record")
        {
            Transaction = transaction,
        };
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = "SELECT pilot, case_id, "
            + (withAssignment ? CaseRecordRow.Columns : CaseRecordRow.ColumnsBeforeAssignment) + " FROM cases";
        using var cases = select.ExecuteReader();
        var row = new CaseRow();
        while (cases.Read())
        {
            var (pilot, caseId) = (cases.GetString(0), cases.GetString(1));
            var (startedMs, _, _) = CaseRecordRow.Read(cases, caseId, row, offset: 2, withAssignment);
            source.Load(pilot, caseId, row);
            insert.Set("$pilot", pilot).Set("$case", caseId).Set("$startedMs", startedMs)
                .Set("$record", CaseRecordCodec.Encode(row)).Execute();
        }
    }
}
