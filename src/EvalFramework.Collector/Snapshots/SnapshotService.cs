using EvalFramework.Collector.Configuration;
using EvalFramework.Collector.Metrics;
using EvalFramework.Collector.Storage;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Collector.Snapshots;

/// <summary>Makes a snapshot: reads the period, computes it with the loaded evaluation config and stores the bytes.</summary>
internal sealed class SnapshotService(
    ICollectorDatabase database, SnapshotStore store, EvaluationSettings evaluation, LatestSnapshotGauges gauges, TimeProvider time)
{
    /// <summary>Computes and stores a snapshot; returns its summary and exact bytes.</summary>
    public async Task<(SnapshotSummary Summary, byte[] Body)> CreateAsync(string pilot, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        var createdAt = time.GetUtcNow();
        var id = "snap-" + Guid.CreateVersion7(createdAt).ToString("N");
        var config = evaluation.Config;
        byte[] body;
        string dataSha256;
        using (var engine = new SnapshotEngine(new SnapshotRequest(id, pilot, from, to, createdAt, config)))
        {
            // The read is CPU and disk bound (and synchronous on SQLite), so it stays on this thread.
            database.ReadSnapshotData(new SnapshotEngineSink(engine), pilot, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), cancellationToken);

            body = engine.ComputeJson();
            dataSha256 = engine.DataSha256!;
        }

        var summary = new SnapshotSummary(id, pilot, from, to, createdAt, dataSha256, config?.Methodology.ConfigSha256,
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body)));
        await store.AddAsync(summary, body, cancellationToken);
        gauges.Publish(SnapshotGaugeSource.FromJson(body));
        return (summary, body);
    }
}
