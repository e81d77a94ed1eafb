namespace EvalFramework.Collector.Reports;

/// <summary>What the page needs besides the snapshot: the pilot's name and the downloads with their hashes.</summary>
/// <param name="PilotDisplayName">The pilot's display name from the evaluation config, or null.</param>
/// <param name="Path">The page's own path (language links point at it).</param>
/// <param name="JsonHref">Where the snapshot JSON is served under the same access rule.</param>
/// <param name="CsvHref">Where the CSV is served.</param>
/// <param name="JsonSha256">SHA-256 of the stored JSON bytes (the list's <c>bodySha256</c>).</param>
/// <param name="CsvSha256">SHA-256 of the CSV bytes.</param>
internal sealed record ReportPage(string? PilotDisplayName, string Path, string JsonHref, string CsvHref, string JsonSha256, string CsvSha256);
