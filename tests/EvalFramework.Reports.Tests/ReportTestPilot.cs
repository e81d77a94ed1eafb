using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Reports.Tests;

/// <summary>
/// The one-case-type pilot <c>demo</c> the report tests make snapshots of (manual against AI-assisted, half each), its
/// page and the rendering of a snapshot's JSON as the collector serves it.
/// </summary>
internal static class ReportTestPilot
{
    private const string Pilot = """
        pilots:
          - slug: demo
            displayName: Demo
            caseTypes: [building-permit-question]
            arms:
              - name: manual
                share: 0.5
              - name: ai_assisted
                share: 0.5
            baselineArm: manual
            staffRoles:
              handlaggare:
                hourlyCostSek: 600
            maintenance:
              hourlyCostSek: 800

        """;

    /// <summary>The pilot's config with <paramref name="keys"/> (YAML indented by four spaces, e.g. an analysisPlan) added to it.</summary>
    public static EvaluationConfig Config(string keys = "") => EvaluationConfigLoader.Parse(Pilot + keys, "evaluation.yaml").Config!;

    /// <summary>The page of snapshot <paramref name="id"/>.</summary>
    public static ReportPage Page(string id) => new("Demo", "/reports/" + id, "/reports/" + id + "/snapshot.json",
        "/reports/" + id + "/snapshot.csv", new string('a', 64), new string('b', 64));

    /// <summary>The page of a snapshot read from its JSON, in a language (<c>en</c>, <c>sv</c>), entities decoded.</summary>
    public static string Render(JsonObject json, string language, ReportPage page) => WebUtility.HtmlDecode(ReportRenderer.Render(
        SnapshotDocumentReader.Read(Encoding.UTF8.GetBytes(json.ToJsonString())), ReportText.ForCode(language)!, page));
}
