using System.Data.Common;
using EvalFramework.Collector.Storage;
using EvalFramework.Collector.Storage.Postgres;
using EvalFramework.Collector.Storage.Sqlite;
using EvalFramework.Evaluation.Snapshots;
using Microsoft.Extensions.Options;

namespace EvalFramework.Collector.Tests.Infrastructure;

/// <summary>What the migration tests do on a collector's store: migrate it as a start does, and read its case records.</summary>
public static class StoredCaseRecords
{
    /// <summary>Runs the store's migrations, as a collector does at start.</summary>
    public static void MigrateStore(this CollectorFactory collector)
    {
        if (collector.Provider == "postgres")
        {
            using var postgres = new PostgresDatabase(Options.Create(
                new StorageOptions { Provider = StorageOptions.Postgres, ConnectionString = collector.PostgresConnectionString }));
            postgres.Migrate();
        }
        else
        {
            new SqliteDatabase(Options.Create(new StorageOptions { SqlitePath = collector.DatabasePath })).Migrate();
        }
    }

    /// <summary>The stored case records whose case id starts with <paramref name="prefix"/>, by case id.</summary>
    public static List<(string CaseId, byte[] Record)> CaseRecords(this CollectorFactory collector, string prefix)
    {
        using DbConnection connection = collector.OpenStore();
        using var select = connection.Command("SELECT case_id, record FROM case_records WHERE case_id LIKE @p ORDER BY case_id", ("@p", prefix + "%"));
        using var reader = select.ExecuteReader();
        var records = new List<(string, byte[])>();
        while (reader.Read())
        {
            records.Add((reader.GetString(0), (byte[])reader.GetValue(1)));
        }

        return records;
    }

    /// <summary>A stored record as the case row it holds, case id included.</summary>
    public static CaseRow Decode(byte[] record)
    {
        var row = new CaseRow();
        CaseRecordCodec.Read(record, row, new Utf8StringCache(), withCaseId: true);
        return row;
    }

    /// <summary>Replaces every stored case record by <paramref name="rewrite"/> of it (the migration tests make old layouts this way).</summary>
    public static void RewriteRecords(this CollectorFactory collector, Func<byte[], byte[]> rewrite)
    {
        using var connection = collector.OpenStore();
        var all = new List<(string Pilot, string CaseId, byte[] Record)>();
        using (var select = connection.Command("SELECT pilot, case_id, record FROM case_records"))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                all.Add((reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2)));
            }
        }

        foreach (var (pilot, caseId, record) in all)
        {
            using var update = connection.Command("UPDATE case_records SET record = @r WHERE pilot = @p AND case_id = @c",
                ("@r", rewrite(record)), ("@p", pilot), ("@c", caseId));
            Assert.Equal(1, update.ExecuteNonQuery());
        }
    }
}
