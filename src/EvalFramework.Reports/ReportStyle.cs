using System.Security.Cryptography;
using System.Text;

namespace EvalFramework.Reports;

/// <summary>
/// The page's one stylesheet, inline (no external assets), with print rules for A4. The Content-Security-Policy
/// allows exactly this style by its hash and nothing else: no script, no image, no font, no request elsewhere.
/// </summary>
internal static class ReportStyle
{
    public const string Css = """
        :root{color-scheme:light}
        body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif;color:#1f2328;background:#fff;margin:0}
        header.page,main,footer{max-width:1000px;margin:0 auto;padding:0 24px}
        header.page{padding-top:20px;padding-bottom:8px;border-bottom:4px solid #0b5cad}
        h1{font-size:1.9rem;line-height:1.2;margin:.2em 0 .4em}
        h2{font-size:1.4rem;line-height:1.25;margin:2em 0 .4em;border-bottom:1px solid #d0d7de;padding-bottom:.2em}
        h3{font-size:1.1rem;margin:1.4em 0 .3em}
        p.lead{color:#424a53}
        nav.lang{float:right;font-size:.95rem}
        nav.lang a[aria-current]{font-weight:700;color:#1f2328;text-decoration:none}
        a{color:#0b5cad}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;margin:1em 0}
        dl.facts dt{font-weight:600}
        dl.facts dd{margin:0}
        table{border-collapse:collapse;width:100%;margin:.5em 0 1em;font-size:.92rem}
        caption{text-align:left;font-weight:600;padding:.3em 0}
        th,td{border:1px solid #d0d7de;padding:.3em .5em;text-align:left;vertical-align:top}
        thead th{background:#f6f8fa}
        td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
        td.num{white-space:nowrap}
        .sub{display:block;color:#57606a;font-size:.85em}
        .badge{display:inline-block;border-radius:3px;padding:0 .4em;font-size:.85em;font-weight:600}
        .v-good{background:#dafbe1;color:#116329}
        .v-bad{background:#ffebe9;color:#a40e26}
        .v-unsure{background:#fff8c5;color:#7d4e00}
        .v-none{background:#eaeef2;color:#424a53}
        .v-neutral{background:#ddf4ff;color:#0a3069}
        .role{display:inline-block;border:1px solid #8c959f;border-radius:3px;padding:0 .35em;font-size:.8em;color:#424a53}
        .inference-tag{display:inline-block;border-radius:3px;padding:0 .35em;font-size:.8em;color:#0a3069;background:#ddf4ff}
        .inference-tag.i-fixed{color:#24292f;background:#eaeef2}
        p.inference{border-left:4px solid #0969da;padding-left:.6em}
        p.inference[data-inference=fixed]{border-left-color:#8c959f}
        .r-primary{border-color:#0b5cad;color:#0b5cad;font-weight:600}
        .r-secondary{font-style:italic}
        .r-descriptive{border-style:dashed}
        .role-group{margin-top:1.5em}
        dl.plan ul{margin:0;padding-left:1.2em}
        ul.verdicts{padding-left:1.2em}
        ul.verdicts li{margin:.35em 0}
        ul.warnings li{margin:.3em 0}
        .warn{border-left:4px solid #9a6700;background:#fff8c5;padding:.4em 1em;margin:.5em 0}
        figure{margin:1em 0}
        figcaption{font-size:.9rem;color:#424a53}
        svg.chart{width:100%;height:auto;display:block}
        svg text{font-family:system-ui,"Liberation Sans",Arial,sans-serif;font-size:12px}
        svg text:not([fill]){fill:#1f2328}
        svg text.tick,svg text.axis-note{fill:#57606a;font-size:11px}
        svg text.axis-title{font-weight:600}
        .notes{font-size:.85rem;color:#57606a}
        code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85em;word-break:break-all}
        .na{font-style:italic;color:#57606a}
        nav.toc ul{columns:2;margin:.4em 0;padding-left:0;list-style:none}
        footer{margin-top:3em;margin-bottom:2em;color:#57606a;font-size:.85rem;border-top:1px solid #d0d7de;padding-top:1em}
        @media print{
        @page{size:A4;margin:16mm 14mm}
        body{font-size:10pt}
        nav.lang,nav.toc{display:none}
        header.page,main,footer{max-width:none;padding:0}
        header.page{border-bottom:2px solid #000}
        h2,h3{break-after:avoid}
        table,figure,ul.verdicts li,dl.facts{break-inside:avoid}
        a{color:#000;text-decoration:none}
        a.data-link::after{content:" (" attr(href) ")";font-size:.85em}
        *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        }
        """;

    /// <summary>The Content-Security-Policy of a report page.</summary>
    public static string ContentSecurityPolicy { get; } =
        "default-src 'none'; style-src 'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))
        + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
}
