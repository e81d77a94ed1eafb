using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Reports;

/// <summary>
/// The report page of a snapshot: a pure function from the snapshot document, the page's links and a language to a
/// complete HTML document (inline CSS and SVG, no script). Used by the collector's <c>/reports</c> and by
/// <c>evalctl report</c>.
/// </summary>
public static class SnapshotReport
{
    /// <summary>Swedish, the default language.</summary>
    public const string Swedish = "sv";

    /// <summary>English.</summary>
    public const string English = "en";

    /// <summary>The Content-Security-Policy the page is made for: its inline style and images, nothing else.</summary>
    public static string ContentSecurityPolicy => ReportStyle.ContentSecurityPolicy;

    /// <summary>The language of a code (<c>sv</c> or <c>en</c>), or null for any other value.</summary>
    /// <param name="code">A language code.</param>
    /// <returns>The code when the report has the language; else null.</returns>
    public static string? Language(string? code) => ReportText.ForCode(code)?.Code;

    /// <summary>The page as HTML.</summary>
    /// <param name="snapshot">The snapshot document.</param>
    /// <param name="page">The pilot's name and the downloads.</param>
    /// <param name="language"><c>sv</c> or <c>en</c>.</param>
    /// <returns>The HTML document.</returns>
    /// <exception cref="ArgumentException">The language is not <c>sv</c> or <c>en</c>.</exception>
    public static string Render(SnapshotDocument snapshot, ReportPage page, string language)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(page);
        var text = ReportText.ForCode(language) ?? throw new ArgumentException("language: sv or en", nameof(language));
        return ReportRenderer.Render(snapshot, text, page);
    }
}
