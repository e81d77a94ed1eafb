using System.Security.Cryptography;
using Dapper;
using EvalFramework.Collector.Storage;

namespace EvalFramework.Collector.Snapshots;

/// <summary>The <c>snapshots</c> table: insert once, read the same bytes forever (an update trigger refuses changes).</summary>
internal sealed class SnapshotStore(ICollectorDatabase database)
{
    private const string Insert = """
        INSERT INTO snapshots (id, pilot, from_ms, to_ms, created_ms, data_sha256, config_sha256, body_sha256, body)
        VALUES (@Id, @Pilot, @FromMs, @ToMs, @CreatedMs, @DataSha256, @ConfigSha256, @BodySha256, @Body)
        """;

    private const string SelectByPilot = """
        SELECT id, pilot, from_ms, to_ms, created_ms, data_sha256, config_sha256, body_sha256
        FROM snapshots WHERE pilot = @Pilot ORDER BY seq
        """;

    private const string SelectBody = "SELECT pilot, body FROM snapshots WHERE id = @Id";

    /// <summary>
    /// Which snapshot is a pilot's current one, the one its report link, <c>/reports/latest</c> and the gauges show: the one
    /// whose period ends last, and of those the last made. A snapshot of an earlier period, made later for a look back,
    /// is kept and served by its id but never replaces what decision makers see.
    /// </summary>
    public const string CurrentOrder = "to_ms DESC, seq DESC";

    private const string SelectCurrentId = "SELECT id FROM snapshots WHERE pilot = @Pilot ORDER BY " + CurrentOrder + " LIMIT 1";

    public async Task AddAsync(SnapshotSummary summary, byte[] body, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Insert, new
        {
            summary.Id,
            summary.Pilot,
            FromMs = summary.From.ToUnixTimeMilliseconds(),
            ToMs = summary.To.ToUnixTimeMilliseconds(),
            CreatedMs = summary.CreatedAt.ToUnixTimeMilliseconds(),
            summary.DataSha256,
            summary.ConfigSha256,
            BodySha256 = Convert.ToHexStringLower(SHA256.HashData(body)),
            Body = body,
        }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<SnapshotSummary>> ListAsync(string pilot, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, string Pilot, long FromMs, long ToMs, long CreatedMs, string DataSha256, string? ConfigSha256, string BodySha256)>(
            new CommandDefinition(SelectByPilot, new { Pilot = pilot }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new SnapshotSummary(r.Id, r.Pilot, DateTimeOffset.FromUnixTimeMilliseconds(r.FromMs),
            DateTimeOffset.FromUnixTimeMilliseconds(r.ToMs), DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedMs), r.DataSha256,
            r.ConfigSha256, r.BodySha256))];
    }

    public async Task<StoredSnapshot?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(string Pilot, byte[] Body)>(
            new CommandDefinition(SelectBody, new { Id = id }, cancellationToken: cancellationToken))).AsList();
        return rows.Count == 0 ? null : new StoredSnapshot(rows[0].Pilot, rows[0].Body);
    }

    /// <summary>The id of the pilot's current snapshot (<see cref="CurrentOrder"/>), or null when it has none.</summary>
    public async Task<string?> FindCurrentIdAsync(string pilot, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(
            new CommandDefinition(SelectCurrentId, new { Pilot = pilot }, cancellationToken: cancellationToken));
    }
}
