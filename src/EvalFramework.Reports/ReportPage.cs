using System.Security.Cryptography;
using System.Text;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Reports;

/// <summary>What the page needs besides the snapshot: the pilot's name and the downloads with their hashes.</summary>
/// <param name="PilotDisplayName">The pilot's display name from the evaluation config, or null.</param>
/// <param name="Path">The page's own path (language links point at it).</param>
/// <param name="JsonHref">Where the snapshot JSON is served under the same access rule.</param>
/// <param name="CsvHref">Where the CSV is served.</param>
/// <param name="JsonSha256">SHA-256 of the stored JSON bytes (the list's <c>bodySha256</c>).</param>
/// <param name="CsvSha256">SHA-256 of the CSV bytes.</param>
public sealed record ReportPage(string? PilotDisplayName, string Path, string JsonHref, string CsvHref, string JsonSha256, string CsvSha256)
{
    /// <summary>
    /// The page of a stored snapshot as the collector serves it at <c>/reports/{id}</c>, with its JSON and CSV beside
    /// it: the same for the collector and for a snapshot file rendered offline, so both give the same HTML.
    /// </summary>
    /// <param name="id">The snapshot id.</param>
    /// <param name="pilotDisplayName">The pilot's display name from the evaluation config, or null.</param>
    /// <param name="json">The snapshot's stored JSON bytes.</param>
    /// <param name="document">The same snapshot as read from <paramref name="json"/> (for its CSV).</param>
    /// <returns>The page.</returns>
    public static ReportPage ForStoredSnapshot(string id, string? pilotDisplayName, ReadOnlySpan<byte> json, SnapshotDocument document)
    {
        var csv = Encoding.UTF8.GetBytes(SnapshotCsv.From(document));
        return new ReportPage(
            pilotDisplayName,
            "/reports/" + id,
            "/reports/" + id + "/snapshot.json",
            "/reports/" + id + "/snapshot.csv",
            Convert.ToHexStringLower(SHA256.HashData(json)),
            Convert.ToHexStringLower(SHA256.HashData(csv)));
    }
}
