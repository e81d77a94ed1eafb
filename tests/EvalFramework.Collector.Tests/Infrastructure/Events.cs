using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace EvalFramework.Collector.Tests.Infrastructure;

/// <summary>Builds wire events as JSON so tests can also send what the typed contract would not allow.</summary>
public static class Events
{
    private static int s_sequence;

    /// <summary>A fresh id. Letters glue the digit runs together so no id can look like a phone or identity number.</summary>
    public static string NewId() => "ev" + Interlocked.Increment(ref s_sequence).ToString(CultureInfo.InvariantCulture) + "x" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>
    /// A random token for case ids: <c>t</c> and <paramref name="length"/> characters, random hex but every fourth a
    /// letter beyond <c>f</c>, so no run of digits in it (or glued to a counter after it) is long enough to be read as a
    /// phone or identity number, which the collector would rightly refuse.
    /// </summary>
    public static string Token(int length = 8)
    {
        var hex = Guid.NewGuid().ToString("N");
        return "t" + string.Concat(Enumerable.Range(0, length).Select(i => i % 4 == 3 ? (char)('g' + (hex[i] % 20)) : hex[i]));
    }

    public static string Time(DateTimeOffset? at = null) =>
        (at ?? DateTimeOffset.UtcNow.AddMinutes(-1)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    public static JsonObject Base(string type, string? caseId = "case-1", string pilot = CollectorFactory.PilotA, DateTimeOffset? at = null)
    {
        var e = new JsonObject { ["id"] = NewId(), ["type"] = type, ["time"] = Time(at), ["pilot"] = pilot };
        if (caseId is not null)
        {
            e["caseId"] = caseId;
        }

        return e;
    }

    public static JsonObject Started(string caseId = "case-1", string caseType = "building-permit-question", string arm = "manual", DateTimeOffset? at = null, string pilot = CollectorFactory.PilotA)
    {
        var e = Base("case.started", caseId, pilot, at);
        e["caseType"] = caseType;
        e["arm"] = arm;
        return e;
    }

    public static JsonObject Completed(string caseId = "case-1", string outcome = "resolved", DateTimeOffset? at = null)
    {
        var e = Base("case.completed", caseId, at: at);
        e["outcome"] = outcome;
        return e;
    }

    public static JsonObject Effort(string caseId = "case-1", double seconds = 300, string role = "handler")
    {
        var e = Base("human.effort", caseId);
        e["role"] = role;
        e["seconds"] = seconds;
        return e;
    }

    public static JsonObject AiUsage(string caseId = "case-1", string model = "gpt-4o-mini", long input = 1000, long output = 200, double? durationMs = 1500, double? costSek = null)
    {
        var e = Base("ai.usage", caseId);
        e["model"] = model;
        e["inputTokens"] = input;
        e["outputTokens"] = output;
        if (durationMs is not null)
        {
            e["durationMs"] = durationMs;
        }

        if (costSek is not null)
        {
            e["costSek"] = costSek;
        }

        return e;
    }

    /// <summary>One valid event of every type, for one case.</summary>
    public static JsonObject[] OneOfEachType(string caseId = "case-1")
    {
        var escalated = Base("case.escalated", caseId);
        escalated["reason"] = "needs-decision";
        var error = Base("case.error", caseId);
        error["source"] = "complaint";
        error["severity"] = "major";
        var review = Base("quality.review", caseId);
        review["correct"] = false;
        review["consistent"] = true;
        review["score"] = 3;
        var integration = Base("integration.failure", caseId);
        integration["system"] = "case-register";
        integration["kind"] = "timeout";
        var survey = Base("survey.citizen", caseId);
        survey["csat"] = 4;
        survey["nps"] = 9;
        var staff = Base("survey.staff", caseId: null);
        staff["team"] = "permits";
        staff["arm"] = "ai_assisted";
        staff["wellbeing"] = 4;
        staff["workload"] = 3;
        staff["stress"] = 2;
        staff["respondent"] = new string('b', 64);
        var maintenance = Base("pilot.maintenance", caseId: null);
        maintenance["hours"] = 2.5;
        maintenance["kind"] = "prompt-update";
        return [Started(caseId), AiUsage(caseId), Effort(caseId), escalated, error, review, integration, survey, Completed(caseId), staff, maintenance];
    }

    public static JsonObject Batch(params JsonNode[] events) => new() { ["events"] = new JsonArray(events) };

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, params JsonNode[] events) =>
        client.PostAsync("/api/v1/events", Json(Batch(events)));

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;
}
