using EvalFramework.Collector.Configuration;
using EvalFramework.Collector.Metrics;
using EvalFramework.Collector.Plans;
using EvalFramework.Collector.Storage;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Collector.Snapshots;

/// <summary>
/// Makes a snapshot: reads the period, computes it with the loaded evaluation config and the pilot's registered
/// analysis plan, and stores the bytes.
/// </summary>
internal sealed class SnapshotService(
    ICollectorDatabase database, SnapshotStore store, PlanRegistrationStore plans, EvaluationSettings evaluation, LatestSnapshotGauges gauges,
    TimeProvider time)
{
    /// <summary>The config's follow-up window (<c>followUpDays</c>; its default without a config).</summary>
    public int FollowUpDays => evaluation.Config?.FollowUpDays ?? ConfigDefaults.FollowUpDays;

    /// <summary>The end of a snapshot made now without one given (<see cref="DefaultPeriodEnd"/>).</summary>
    public DateTimeOffset DefaultEnd() => DefaultPeriodEnd.At(time.GetUtcNow(), FollowUpDays);

    /// <summary>Now, by the collector's clock: a period may not end after it.</summary>
    public DateTimeOffset Now() => time.GetUtcNow();

    /// <summary>Computes and stores a snapshot; returns its summary and exact bytes.</summary>
    /// <param name="pilot">The pilot.</param>
    /// <param name="from">The period's start (inclusive).</param>
    /// <param name="to">The period's end (exclusive).</param>
    /// <param name="defaultEnd">Whether <paramref name="to"/> is <see cref="DefaultEnd"/> rather than given; the snapshot says so.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<(SnapshotSummary Summary, byte[] Body)> CreateAsync(string pilot, DateTimeOffset from, DateTimeOffset to, bool defaultEnd,
        CancellationToken cancellationToken)
    {
        var createdAt = time.GetUtcNow();
        var id = "snap-" + Guid.CreateVersion7(createdAt).ToString("N");
        var config = evaluation.Config;
        var request = new SnapshotRequest(id, pilot, from, to, createdAt, config)
        {
            RegisteredPlan = await plans.RegisteredByAsync(pilot, createdAt, cancellationToken),
            DefaultEnd = defaultEnd,
        };
        byte[] body;
        string dataSha256;
        using (var engine = new SnapshotEngine(request))
        {
            // The read is CPU and disk bound (and synchronous on SQLite), so it stays on this thread.
            database.ReadSnapshotData(new SnapshotEngineSink(engine), pilot, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), cancellationToken);

            body = engine.ComputeJson();
            dataSha256 = engine.DataSha256!;
        }

        var summary = new SnapshotSummary(id, pilot, from, to, createdAt, dataSha256, config?.Methodology.ConfigSha256,
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body)));
        await store.AddAsync(summary, body, cancellationToken);
        if (await store.FindCurrentIdAsync(pilot, cancellationToken) == id)
        {
            gauges.Publish(SnapshotGaugeSource.FromJson(body));
        }

        return (summary, body);
    }
}
