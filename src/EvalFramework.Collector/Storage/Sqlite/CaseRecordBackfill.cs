using EvalFramework.Evaluation.Snapshots;
using Microsoft.Data.Sqlite;

namespace EvalFramework.Collector.Storage.Sqlite;

/// <summary>
/// The data step of migrations 3 and 4: a record for every case row already stored, built from the source tables
/// (the row's values, its effort events and its AI usage rows).
/// </summary>
internal static class CaseRecordBackfill
{
    private const string SelectCases = $"SELECT pilot, case_id, {CaseRecordRow.Columns} FROM cases";

    public static void Run(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var source = new CaseRecordSource(connection, transaction);
        using var insert = new PreparedCommand(connection, CaseSql.UpsertRecord, "$pilot", "$case", "$startedMs", "$record")
        {
            Transaction = transaction,
        };
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = SelectCases;
        using var cases = select.ExecuteReader();
        var row = new CaseRow();
        while (cases.Read())
        {
            var (pilot, caseId) = (cases.GetString(0), cases.GetString(1));
            var (startedMs, _, _) = CaseRecordRow.Read(cases, caseId, row, offset: 2);
            source.Load(pilot, caseId, row);
            insert.Set("$pilot", pilot).Set("$case", caseId).Set("$startedMs", startedMs)
                .Set("$record", CaseRecordCodec.Encode(row)).Execute();
        }
    }
}
