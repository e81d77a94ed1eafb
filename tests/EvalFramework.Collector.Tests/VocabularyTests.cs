using System.Net;
using System.Text.Json.Nodes;
using EvalFramework.Collector.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

/// <summary>
/// Closed vocabularies at ingest: an event whose pilot the evaluation config does not describe, or whose value is
/// outside the pilot's vocabulary, is refused on its own (the field named, the allowed values listed, the value never
/// echoed) while the valid events of the same batch are stored.
/// </summary>
public sealed class VocabularyTests : IClassFixture<CollectorFactory>, IClassFixture<SnapshotCollectorFactory>, IClassFixture<VocabularyTests.NoConfigCollectorFactory>
{
    /// <summary>A slug no list of the test config holds (and nothing like an identifier).</summary>
    private const string Refused = "zq-refused-value";

    /// <summary>Each field with a closed vocabulary: an event that carries it, and the refusal as the test config's lists make it.</summary>
    private static readonly Dictionary<string, (Func<JsonObject> Make, string Field, string Error)> s_fields = new()
    {
        ["case.started caseType"] = (() => Started(), "caseType",
            "caseType: must be one of building-permit-question, direct-procurement-advice, social-services-documentation"),
        ["case.started arm"] = (() => Started(), "arm", "arm: must be one of manual, ai_assisted, ai_automated"),
        ["case.started channel"] = (() => Started(), "channel", "channel: must be one of phone, e-service, email-form"),
        ["ai.usage model"] = (() => AiUsage(), "model", "model: must be one of gpt-4o-mini, mistral-small-3.1, llama-3.3-70b"),
        ["human.effort role"] = (() => Effort(), "role", "role: must be one of handler, kommunvagledare, handlaggare, socialsekreterare"),
        ["case.escalated reason"] = (() => OneOfEachType()[3], "reason", "reason: must be one of needs-decision, complex"),
        ["integration.failure system"] = (() => OneOfEachType()[6], "system", "system: must be one of case-register"),
        ["integration.failure kind"] = (() => OneOfEachType()[6], "kind", "kind: must be one of timeout, error"),
        ["survey.staff team"] = (() => OneOfEachType()[9], "team", "team: must be one of permits, procurement, social"),
        ["survey.staff arm"] = (() => OneOfEachType()[9], "arm", "arm: must be one of manual, ai_assisted, ai_automated"),
        ["pilot.maintenance kind"] = (() => OneOfEachType()[10], "kind", "kind: must be one of prompt-update, model-update, training, knowledge-base-update"),
        ["pilot.maintenance arm"] = (() => OneOfEachType()[10], "arm", "arm: must be one of manual, ai_assisted, ai_automated"),
        ["attribute key"] = (() => With(Started(), "attributes", new JsonObject { [Refused] = "x" }), "attributes",
            "attributes: keys must be one of channel-detail, office, language"),
    };

    private readonly CollectorFactory _collector;
    private readonly SnapshotCollectorFactory _shipped;
    private readonly NoConfigCollectorFactory _unconfigured;

    public VocabularyTests(CollectorFactory collector, SnapshotCollectorFactory shipped, NoConfigCollectorFactory unconfigured) =>
        (_collector, _shipped, _unconfigured) = (collector, shipped, unconfigured);

    public static TheoryData<string> Fields => [.. s_fields.Keys];

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task PostEvents_ValueOutsideVocabulary_RefusedListingTheAllowedValuesAndTheRestStored(string name)
    {
        var (make, field, error) = s_fields[name];
        using var client = _collector.ClientWith(_collector.WriterKey);
        var good = Started("vocab-" + Guid.NewGuid().ToString("N"));
        var bad = make();
        if (field != "attributes")
        {
            bad[field] = Refused;
        }

        var response = await client.PostAsync(good, bad);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Refused, text, StringComparison.Ordinal);
        var body = JsonNode.Parse(text)!;
        Assert.Equal(1, (int)body["accepted"]!);
        var rejected = body["rejected"]!.AsArray().Single()!;
        Assert.Equal(1, (int)rejected["index"]!);
        Assert.Equal([error], rejected["errors"]!.AsArray().Select(e => (string)e!));
        Assert.Equal(1L, EventsWithId(_collector, good));
        Assert.Equal(0L, EventsWithId(_collector, bad));
    }

    [Fact]
    public async Task PostEvents_AttributeKeyOutsideVocabulary_ProblemNamesAttributesNeverTheKey()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        const string Key = "zq-private-key-name";

        var response = await client.PostAsync(With(Started(), "attributes", new JsonObject { [Key] = "x", ["office"] = "Lund" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
        Assert.Equal(["events[0].attributes"], errors.Select(e => e.Key));
        Assert.Equal("keys must be one of channel-detail, office, language", (string)errors["events[0].attributes"]![0]!);
    }

    [Fact]
    public async Task PostEvents_PilotNotInTheConfig_RefusedAndTheRestStored()
    {
        using var client = _collector.ClientWith(_collector.AnyPilotIngestKey);
        var good = Started("vocab-" + Guid.NewGuid().ToString("N"));
        var bad = Started("vocab-" + Guid.NewGuid().ToString("N"), pilot: "pilot-c");

        var body = await (await client.PostAsync(good, bad)).ReadObjectAsync();

        Assert.Equal(1, (int)body["accepted"]!);
        var rejected = body["rejected"]!.AsArray().Single()!;
        Assert.Equal(1, (int)rejected["index"]!);
        Assert.Equal(["pilot: not a pilot of this collector's evaluation config"], rejected["errors"]!.AsArray().Select(e => (string)e!));
        Assert.Equal(0L, EventsWithId(_collector, bad));
    }

    [Fact]
    public async Task PostEvents_PilotNotInTheConfigWithAKeyWithoutIt_403LikeAnyOtherPilotAndNothingStored()
    {
        // Rights come first: a key that may not write a pilot learns nothing of whether the config describes it,
        // and an invalid event of such a pilot does not get its vocabulary listed either.
        using var client = _collector.ClientWith(_collector.WriterKey);
        var good = Started("vocab-" + Guid.NewGuid().ToString("N"));
        var unknown = Started("vocab-" + Guid.NewGuid().ToString("N"), pilot: "pilot-c");
        var configured = With(Started("vocab-" + Guid.NewGuid().ToString("N"), pilot: CollectorFactory.PilotB), "caseType", Refused);

        var toUnknown = await client.PostAsync(good, unknown);
        var toConfigured = await client.PostAsync(good.DeepClone(), configured);

        Assert.Equal(HttpStatusCode.Forbidden, toUnknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, toConfigured.StatusCode);
        Assert.DoesNotContain("evaluation config", await toUnknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("must be one of", await toConfigured.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0L, EventsWithId(_collector, good));
    }

    [Fact]
    public async Task PostEvents_AttributesWithoutPilot_400NamingThePilotAndTheRestStored()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var good = Started("vocab-" + Guid.NewGuid().ToString("N"));
        var bad = With(Started(), "attributes", new JsonObject { ["office"] = "Lund" });
        bad.Remove("pilot");

        var response = await client.PostAsync(good, bad);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal(1, (int)body["accepted"]!);
        var rejected = body["rejected"]!.AsArray().Single()!;
        Assert.Equal(1, (int)rejected["index"]!);
        Assert.Equal(["pilot: required"], rejected["errors"]!.AsArray().Select(e => (string)e!));

        var alone = await client.PostAsync(With(Base("survey.citizen", pilot: null!), "attributes", new JsonObject { ["office"] = "Lund" }));

        Assert.Equal(HttpStatusCode.BadRequest, alone.StatusCode);
        Assert.True((await alone.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("events[0].pilot"));
    }

    [Fact]
    public async Task PostEvents_CaseIdNotAPseudonymUnderCaseIdsPseudonym_RefusedAndPseudonymsStored()
    {
        using var client = _shipped.ClientWith(_shipped.AdminKey);
        var pseudonym = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var good = Started(pseudonym, pilot: SnapshotCollectorFactory.Pilot);
        var plain = Started("case-" + Guid.NewGuid().ToString("N"), pilot: SnapshotCollectorFactory.Pilot);
        var upper = Started(pseudonym.ToUpperInvariant(), pilot: SnapshotCollectorFactory.Pilot);
        var short63 = Started(pseudonym[..63], pilot: SnapshotCollectorFactory.Pilot);

        var response = await client.PostAsync(good, plain, upper, short63);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain((string)plain["caseId"]!, text, StringComparison.Ordinal);
        var body = JsonNode.Parse(text)!;
        Assert.Equal(1, (int)body["accepted"]!);
        Assert.Equal([1, 2, 3], body["rejected"]!.AsArray().Select(r => (int)r!["index"]!));
        Assert.All(body["rejected"]!.AsArray(), r => Assert.Equal(
            ["caseId: must be the case reference's pseudonym, 64 lower-case hex digits as the SDK makes them (the pilot's config has caseIds: pseudonym)"],
            r!["errors"]!.AsArray().Select(e => (string)e!)));
        Assert.Equal(1L, EventsWithId(_shipped, good));
    }

    [Fact]
    public async Task PostEvents_AttributeValueOutsideItsList_RefusedAndFreeTextKeysAccepted()
    {
        // The shipped config closes "language" to a list and leaves "office" free text.
        using var client = _shipped.ClientWith(_shipped.AdminKey);
        var good = Started(Pseudonym(), pilot: SnapshotCollectorFactory.Pilot);
        good["attributes"] = new JsonObject { ["language"] = "sv", ["office"] = "Helsingborg norra" };
        var bad = Started(Pseudonym(), pilot: SnapshotCollectorFactory.Pilot);
        bad["attributes"] = new JsonObject { ["language"] = Refused };

        var response = await client.PostAsync(good, bad);

        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Refused, text, StringComparison.Ordinal);
        var body = JsonNode.Parse(text)!;
        Assert.Equal(1, (int)body["accepted"]!);
        Assert.Equal(["attributes.language: must be one of sv, en, ar, so, fi, other"],
            body["rejected"]!.AsArray().Single()!["errors"]!.AsArray().Select(e => (string)e!));
    }

    [Fact]
    public async Task PostEvents_DemoPilotServicesValues_AllAcceptedByTheShippedConfig()
    {
        // What the demo's simulated services send is exactly the shipped vocabulary: one event of every type, demo values.
        using var client = _shipped.ClientWith(_shipped.AdminKey);
        var caseId = Pseudonym();
        var events = OneOfEachType(caseId);
        foreach (var e in events)
        {
            e["pilot"] = SnapshotCollectorFactory.Pilot;
        }

        events[0]["channel"] = "home-visit";
        events[1]["model"] = "mistral-small-3.1";
        events[2]["role"] = "handlaggare";
        events[3]["reason"] = "low-confidence";
        events[6]["system"] = "journal-system";
        events[6]["kind"] = "server-error";
        events[9]["team"] = "socialtjanst";
        events[10]["kind"] = "staff-training";

        var body = await (await client.PostAsync(events)).ReadObjectAsync();

        Assert.Empty(body["rejected"]!.AsArray());
        Assert.Equal(events.Length, (int)body["accepted"]!);
    }

    [Fact]
    public async Task PostEvents_CollectorWithoutConfig_AcceptsNoEvent()
    {
        using var client = _unconfigured.ClientWith(_unconfigured.WriterKey);

        var response = await client.PostAsync(OneOfEachType("vocab-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.Equal(11, errors.Count);
        Assert.All(errors, e => Assert.Equal("not a pilot of this collector's evaluation config", (string)e.Value![0]!));
        Assert.Equal(0, _unconfigured.Count("events"));
    }

    [Fact]
    public async Task Start_WithoutConfig_LogsThatNoEventIsAccepted()
    {
        using var logs = new CapturingLogs();
        using var app = _unconfigured.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));

        using var client = app.CreateClient();
        await client.GetAsync("/healthz");

        Assert.Contains(logs.Messages, m => m.Level == LogLevel.Warning && m.Message.StartsWith(
            "No evaluation config (Evaluation:ConfigPath unset and metrics-config/evaluation.yaml absent): the collector knows no pilot and so accepts no events",
            StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_KeyForAPilotTheConfigDoesNotDescribe_LogsAWarningNamingKeyAndPilot()
    {
        using var logs = new CapturingLogs();
        using var app = _collector.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs))
            .UseSetting("Auth:Keys:9:Name", "stray").UseSetting("Auth:Keys:9:Sha256", new string('0', 64))
            .UseSetting("Auth:Keys:9:Pilots:0", "pilot-z").UseSetting("Auth:Keys:9:Rights:0", "ingest"));

        using var client = app.CreateClient();
        await client.GetAsync("/healthz");

        Assert.Contains(logs.Messages, m => m.Level == LogLevel.Warning && m.Message ==
            "API key stray names pilot pilot-z, which the evaluation config does not describe: no event of that pilot is accepted");
        Assert.DoesNotContain(logs.Messages, m => m.Message.Contains("names pilot pilot-a", StringComparison.Ordinal));
    }

    private static string Pseudonym() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static long EventsWithId(CollectorFactory collector, JsonObject e) =>
        (long)collector.Scalar("SELECT COUNT(*) FROM events WHERE event_id = @id", ("@id", (string)e["id"]!))!;

    private static JsonObject With(JsonObject e, string field, JsonNode? value)
    {
        e[field] = value;
        return e;
    }

    /// <summary>Keeps every log message of a collector.</summary>
    private sealed class CapturingLogs : ILoggerProvider, ILogger
    {
        public System.Collections.Concurrent.ConcurrentQueue<(LogLevel Level, string Message)> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Enqueue((logLevel, formatter(state, exception)));

        public void Dispose()
        {
        }
    }

    /// <summary>A collector with no evaluation config at all (none set, none at the default path).</summary>
    public sealed class NoConfigCollectorFactory : CollectorFactory
    {
        protected override bool UsesTestVocabulary => false;
    }
}
