namespace EvalFramework.Collector.Reports;

/// <summary>The <c>Reports</c> section: who may open the report pages under <c>/reports</c>.</summary>
internal sealed class ReportOptions
{
    public const string SectionName = "Reports";

    /// <summary>
    /// Pilots whose report pages (and the snapshot JSON and CSV they link to) are served without an API key, for a
    /// transparency page a municipality publishes (<c>Reports:PublicPilots</c>: pilot slugs, or <c>*</c> for every
    /// pilot; default none, so every report needs a key with the <c>read</c> right).
    /// </summary>
    public List<string> PublicPilots { get; set; } = [];

    /// <summary>Whether a pilot's reports are public.</summary>
    public bool IsPublic(string pilot) => PublicPilots.Contains("*") || PublicPilots.Contains(pilot);
}
