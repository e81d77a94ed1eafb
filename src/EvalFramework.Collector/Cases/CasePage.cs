namespace EvalFramework.Collector.Cases;

/// <summary>A page of cases; pass <see cref="NextCursor"/> as <c>cursor</c> for the next one (null at the end).</summary>
internal sealed record CasePage(IReadOnlyList<CaseRecord> Items, string? NextCursor);
