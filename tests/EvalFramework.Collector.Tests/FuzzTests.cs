using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EvalFramework.Collector.Tests.Infrastructure;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

/// <summary>
/// Seeded fuzzing: every payload carries at least one defect (wrong type, missing field, huge number, control
/// character, invalid UTF-8, deep nesting, truncation, hostile strings where they are not allowed). Each must get
/// a 4xx, never a 5xx, and nothing of it may be stored.
/// </summary>
public sealed class FuzzTests : IClassFixture<CollectorFactory>
{
    private const int Payloads = 10_000;

    private static readonly string[] Hostile =
    [
        "'; DROP TABLE events; --", "\" OR 1=1 --", "<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://x/a}",
        "../../etc/passwd", "\u202Eevil", "A\u0000B", "\u001b[31mred", "𝕏𝕏𝕏", "ｐｉｌｏｔ", new string('x', 5000),
    ];

    private static readonly string[] RequiredStrings = ["id", "type", "time", "pilot"];

    private readonly CollectorFactory _collector;

    public FuzzTests(CollectorFactory collector) => _collector = collector;

    [Fact]
    public async Task PostEvents_TenThousandHostilePayloads_All4xxNothingStored()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var random = new Random(20251123);
        var statuses = new Dictionary<int, int>();
        var kinds = new HashSet<string>();
        var (eventsBefore, casesBefore) = (_collector.Count("events"), _collector.Count("cases"));
        for (var i = 0; i < Payloads; i++)
        {
            var (body, description) = Payload(random);
            kinds.Add(description.StartsWith("wrong type", StringComparison.Ordinal) ? "wrong type" : description.StartsWith("missing", StringComparison.Ordinal) ? "missing" : description);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");

            using var response = await client.PostAsync("/api/v1/events", content);

            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status is >= 400 and < 500, $"payload {i} ({description}) got {status}: {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(eventsBefore, _collector.Count("events"));
        Assert.Equal(casesBefore, _collector.Count("cases"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        Assert.True(kinds.Count >= 12, "the fuzzer covered too few kinds of defect: " + string.Join(", ", kinds));
    }

    [Fact]
    public async Task PostEvents_HostileTextInAFreeTextField_StoredVerbatimAsData()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var caseId = "'; DROP TABLE events; -- <script>alert(1)</script>";

        var response = await client.PostAsync(Started(caseId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(caseId, _collector.Scalar("SELECT case_id FROM cases WHERE case_id = @c", ("@c", caseId)));
    }

    private static (byte[] Body, string Description) Payload(Random random)
    {
        var kind = random.Next(14);
        switch (kind)
        {
            case 0:
                var bytes = new byte[random.Next(1, 400)];
                random.NextBytes(bytes);
                bytes[0] = 0xC3; // a lone lead byte: never valid UTF-8 JSON
                return (bytes, "random bytes");
            case 1:
                var text = Batch(ValidEvent(random)).ToJsonString();
                return (Encoding.UTF8.GetBytes(text[..random.Next(1, text.Length - 1)]), "truncated");
            case 2:
                return (Encoding.UTF8.GetBytes("{\"events\":[" + new string('[', 70 + random.Next(500)) + "]}"), "deep nesting");
            case 3:
                return (Encoding.UTF8.GetBytes(random.Next(4) switch
                {
                    0 => "[]",
                    1 => "null",
                    2 => "\"events\"",
                    _ => "{\"events\": " + Hostile[random.Next(Hostile.Length)].Length + "}",
                }), "wrong root");
        }

        var e = ValidEvent(random);
        string description;
        switch (kind)
        {
            case 4:
                var field = RequiredStrings[random.Next(RequiredStrings.Length)];
                e[field] = random.Next(5) switch
                {
                    0 => JsonValue.Create(random.Next()),
                    1 => JsonValue.Create(true),
                    2 => new JsonArray(1, 2),
                    3 => new JsonObject { ["a"] = 1 },
                    _ => null,
                };
                description = "wrong type for " + field;
                break;
            case 5:
                var removed = RequiredStrings[random.Next(RequiredStrings.Length)];
                e.Remove(removed);
                description = "missing " + removed;
                break;
            case 6:
                e["id"] = Hostile[random.Next(Hostile.Length)];
                description = "hostile id";
                break;
            case 7:
                e["type"] = Hostile[random.Next(Hostile.Length)];
                description = "hostile type";
                break;
            case 8:
                e["pilot"] = Hostile[random.Next(Hostile.Length)];
                description = "hostile pilot";
                break;
            case 9:
                e["caseId"] = "case" + (char)random.Next(0, 32) + "x";
                description = "control character in caseId";
                break;
            case 10:
                e[Hostile[random.Next(3)].Replace(" ", "", StringComparison.Ordinal)[..5] + random.Next(100)] = Hostile[random.Next(Hostile.Length)];
                description = "unknown field";
                break;
            case 11:
                return (Encoding.UTF8.GetBytes(Batch(e).ToJsonString().Replace("\"time\":", "\"time\":" + (random.Next(2) == 0 ? "1e400" : "-99999999999999999999999") + ",\"x\":", StringComparison.Ordinal)), "huge number");
            case 12:
                var json = Batch(e).ToJsonString();
                return (Encoding.UTF8.GetBytes(json.Replace("{\"id\":", "{\"pilot\":\"pilot-a\",\"id\":", StringComparison.Ordinal)), "duplicate property");
            default:
                e["attributes"] = new JsonObject { ["office"] = Hostile[random.Next(Hostile.Length)], ["x" + random.Next(1000)] = "\u0007" };
                description = "hostile attributes";
                break;
        }

        return (Encoding.UTF8.GetBytes(Batch(e).ToJsonString()), description);
    }

    private static JsonObject ValidEvent(Random random)
    {
        var all = OneOfEachType("fuzz-" + random.Next(1000));
        return all[random.Next(all.Length)];
    }
}
