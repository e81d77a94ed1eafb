using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace EvalFramework.Testing;

/// <summary>
/// A small seeded generator of a realistic two-arm pilot for pilot <c>demo</c> of metrics-config/evaluation.yaml:
/// the three demo case types, arms <c>manual</c> and <c>ai_assisted</c>, only values of the pilot's vocabulary and
/// pseudonymous case ids (64 hex digits, as its <c>caseIds: pseudonym</c> wants), every event type, weeks of cases whose
/// lead time, staff effort, errors, reviews, surveys and maintenance differ between the arms the way a real pilot's
/// might (the AI arm faster with less staff time, more escalations, a little more AI cost). Same seed, same events.
/// </summary>
public sealed class SimulatedPilot
{
    public const string Pilot = "demo";

    public static readonly string[] CaseTypes = ["building-permit-question", "direct-procurement-advice", "social-services-documentation"];

    private static readonly Dictionary<string, (string Role, double EffortSeconds, double LeadHours)> Shapes = new(StringComparer.Ordinal)
    {
        ["building-permit-question"] = ("kommunvagledare", 900, 20),
        ["direct-procurement-advice"] = ("handlaggare", 1800, 40),
        ["social-services-documentation"] = ("socialsekreterare", 2400, 30),
    };

    private readonly Random _random;
    private readonly string _prefix;
    private int _sequence;

    /// <param name="seed">The seed: the same seed gives the same events.</param>
    /// <param name="from">The first day (UTC midnight); cases start in [from, from + weeks).</param>
    /// <param name="weeks">How many weeks of cases.</param>
    /// <param name="casesPerWeek">Cases per week, case type and arm.</param>
    /// <param name="staffAnswers">Staff-survey answers per week of team <c>kontaktcenter</c> in each arm (a week's group under k = 5 is suppressed).</param>
    public SimulatedPilot(int seed, DateTimeOffset from, int weeks, int casesPerWeek, int staffAnswers = 6)
    {
        _random = new Random(seed);
        _prefix = "sim" + seed.ToString(CultureInfo.InvariantCulture);
        From = from;
        To = from.AddDays(7 * weeks);
        Events = Generate(weeks, casesPerWeek, staffAnswers);
    }

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    public IReadOnlyList<JsonObject> Events { get; }

    /// <summary>The events in batches the collector accepts (at most 1000 events, well under 1 MiB).</summary>
    public IEnumerable<JsonObject> Batches(int size = 1000) =>
        Events.Chunk(size).Select(chunk => new JsonObject { ["events"] = new JsonArray([.. chunk.Select(e => e.DeepClone())]) });

    private List<JsonObject> Generate(int weeks, int casesPerWeek, int staffAnswers)
    {
        var events = new List<JsonObject>();
        foreach (var caseType in CaseTypes)
        {
            foreach (var arm in new[] { "manual", "ai_assisted" })
            {
                for (var i = 0; i < weeks * casesPerWeek; i++)
                {
                    var started = From.AddMinutes(_random.NextDouble() * 7 * 24 * 60 * weeks);
                    events.AddRange(Case(caseType, arm, started));
                }
            }
        }

        for (var week = 0; week < weeks; week++)
        {
            var at = From.AddDays((7 * week) + 3).AddHours(10);
            // One small group (two answers in all) stays under k = 5: the report must suppress it.
            foreach (var (team, arm, answers) in new[] { ("kontaktcenter", "manual", staffAnswers), ("kontaktcenter", "ai_assisted", staffAnswers), ("upphandling", "ai_assisted", week == 0 ? 2 : 0) })
            {
                for (var a = 0; a < answers; a++)
                {
                    var ai = arm == "ai_assisted";
                    events.Add(Event("survey.staff", null, at, new()
                    {
                        ["team"] = team, ["arm"] = arm, ["respondent"] = Respondent($"{team}/{arm}/{a}"), ["wellbeing"] = Score(ai ? 3.9 : 3.5), ["workload"] = Score(ai ? 3.0 : 3.6), ["stress"] = Score(ai ? 2.6 : 3.1),
                    }));
                }
            }

            events.Add(Event("pilot.maintenance", null, at, new() { ["hours"] = 2.25 + (0.5 * _random.Next(8)), ["kind"] = "prompt-update", ["arm"] = "ai_assisted" }));
            if (week % 2 == 0)
            {
                events.Add(Event("pilot.maintenance", null, at.AddHours(2), new() { ["hours"] = 1.5, ["kind"] = "staff-training" }));
            }
        }

        return events;
    }

    private IEnumerable<JsonObject> Case(string caseType, string arm, DateTimeOffset started)
    {
        var ai = arm == "ai_assisted";
        var (role, effort, leadHours) = Shapes[caseType];
        var caseId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_prefix + "-c" + (++_sequence).ToString(CultureInfo.InvariantCulture))));
        var lead = TimeSpan.FromHours(LogNormal(leadHours * (ai ? 0.78 : 1.0), 0.6));
        var completed = started + lead;
        yield return Event("case.started", caseId, started, new() { ["caseType"] = caseType, ["arm"] = arm, ["channel"] = "e-service" });
        yield return Event("human.effort", caseId, started.AddMinutes(5), new() { ["role"] = role, ["seconds"] = Math.Round(LogNormal(effort * (ai ? 0.7 : 1.0), 0.4)) });
        if (ai)
        {
            var calls = 1 + _random.Next(3);
            for (var c = 0; c < calls; c++)
            {
                yield return Event("ai.usage", caseId, started.AddMinutes(6 + c), new()
                {
                    ["model"] = "mistral-small-3.1", ["inputTokens"] = 1500 + _random.Next(2500), ["outputTokens"] = 250 + _random.Next(600),
                    ["durationMs"] = 800 + _random.Next(2500),
                });
            }

            if (_random.NextDouble() < 0.12)
            {
                yield return Event("case.escalated", caseId, started.AddMinutes(10), new() { ["reason"] = "needs-case-officer" });
            }
        }

        if (_random.NextDouble() < 0.03)
        {
            yield return Event("integration.failure", caseId, started.AddMinutes(7), new() { ["system"] = "case-register", ["kind"] = "timeout" });
        }

        if (_random.NextDouble() < 0.6)
        {
            var correct = _random.NextDouble() >= (ai ? 0.05 : 0.06);
            yield return Event("quality.review", caseId, completed.AddMinutes(30), new()
            {
                ["correct"] = correct, ["consistent"] = _random.NextDouble() < (ai ? 0.88 : 0.76), ["score"] = correct ? 4 : 2,
            });
        }

        if (_random.NextDouble() < 0.5)
        {
            yield return Event("survey.citizen", caseId, completed.AddMinutes(20), new()
            {
                ["csat"] = Score(ai ? 4.1 : 4.0), ["nps"] = Math.Clamp((int)Math.Round(7.5 + (_random.NextDouble() * 4) - 1.5), 0, 10),
            });
        }

        yield return Event("case.completed", caseId, completed, new() { ["outcome"] = "resolved" });
    }

    /// <summary>A wire event: the common fields, then <paramref name="extra"/>'s fields (moved, not copied).</summary>
    public static JsonObject WireEvent(string id, string type, string pilot, string? caseId, DateTimeOffset at, JsonObject extra)
    {
        var e = new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["time"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            ["pilot"] = pilot,
        };
        if (caseId is not null)
        {
            e["caseId"] = caseId;
        }

        foreach (var (key, value) in extra.ToList())
        {
            extra.Remove(key);
            e[key] = value;
        }

        return e;
    }

    private JsonObject Event(string type, string? caseId, DateTimeOffset at, JsonObject extra) =>
        WireEvent(_prefix + "e" + (++_sequence).ToString(CultureInfo.InvariantCulture) + "x", type, Pilot, caseId, at, extra);

    /// <summary>A 1–5 answer around a mean.</summary>
    /// <summary>A staff member's respondent pseudonym, as the SDK sends it: 64 lower-case hex digits, the same every week.</summary>
    private string Respondent(string member) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_prefix + "-staff-" + member)));

    private int Score(double mean) => Math.Clamp((int)Math.Round(mean + ((_random.NextDouble() - 0.5) * 2.4)), 1, 5);

    /// <summary>A log-normal value with the given median and log-scale spread.</summary>
    private double LogNormal(double median, double sigma)
    {
        var u1 = 1 - _random.NextDouble();
        var u2 = _random.NextDouble();
        var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return median * Math.Exp(sigma * normal);
    }
}
