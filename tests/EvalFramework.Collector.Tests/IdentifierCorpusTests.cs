using System.Net;
using System.Text.Json.Nodes;
using EvalFramework.Collector.Tests.Infrastructure;
using EvalFramework.Tests.Contract;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

/// <summary>Personal identifiers placed in every string field and attribute are refused and never stored; look-alikes pass.</summary>
public sealed class IdentifierCorpusTests : IClassFixture<CollectorFactory>
{
    private readonly CollectorFactory _collector;

    public IdentifierCorpusTests(CollectorFactory collector) => _collector = collector;

    /// <summary>Every string field, each on an event type that carries it.</summary>
    private static readonly (string Field, Func<JsonObject> Event)[] Fields =
    [
        ("id", () => Started()), ("caseId", () => Started()), ("caseType", () => Started()), ("arm", () => Started()),
        ("channel", () => Started()), ("model", () => AiUsage()), ("role", () => Effort()),
        ("reason", () => OneOfEachType()[3]), ("system", () => OneOfEachType()[6]), ("kind", () => OneOfEachType()[6]),
        ("team", () => OneOfEachType()[9]), ("attributes.office", () => Started()),
    ];

    private static IEnumerable<string> Identifiers() =>
        IdentifierCorpus.PersonalIdentityNumbers(11, 10)
            .Concat(IdentifierCorpus.PersonalIdentityNumbers(12, 5, coordination: true))
            .Concat(IdentifierCorpus.EmailAddresses)
            .Concat(IdentifierCorpus.PhoneNumbers);

    [Fact]
    public async Task PostEvents_IdentifierInAnyStringField_RejectedNamingFieldAndNothingStored()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var before = _collector.Count("events");
        var posted = 0;
        foreach (var identifier in Identifiers())
        {
            foreach (var (field, make) in Fields)
            {
                foreach (var value in new[] { identifier, "ärende " + identifier + " gäller altan" })
                {
                    var e = make();
                    if (field == "attributes.office")
                    {
                        e["attributes"] = new JsonObject { ["office"] = value };
                    }
                    else
                    {
                        e[field] = value;
                    }

                    var response = await client.PostAsync(e);
                    posted++;

                    Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                    var text = await response.Content.ReadAsStringAsync();
                    Assert.DoesNotContain(identifier, text, StringComparison.Ordinal);
                    var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
                    Assert.True(errors.ContainsKey("events[0]." + field), $"{field}: {text}");
                }
            }
        }

        Assert.True(posted > 500, $"only {posted} posts");
        Assert.Equal(before, _collector.Count("events"));
        Assert.Equal(0L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE body LIKE '%@%'"));
    }

    [Fact]
    public async Task PostEvents_IdentifierInFreeTextField_ErrorSaysWhichKind()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var cases = new (string Value, string Kind)[]
        {
            (IdentifierCorpus.PersonalIdentityNumbers(21, 1).Single(), "a personal identity number"),
            (IdentifierCorpus.PersonalIdentityNumbers(22, 1, coordination: true).Single(), "a coordination number"),
            ("anna@example.se", "an e-mail address"),
            ("+46 70 123 45 67", "a phone number"),
        };

        foreach (var (value, kind) in cases)
        {
            var e = Started();
            e["caseId"] = "ref " + value;
            var problem = await (await client.PostAsync(e)).ReadObjectAsync();

            var message = problem["errors"]!["events[0].caseId"]![0]!.GetValue<string>();
            Assert.StartsWith("looks like " + kind, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PostEvents_LookAlikesInFreeText_Accepted()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var events = IdentifierCorpus.LookAlikes(13).Select(text =>
        {
            var e = Started("look-" + Guid.NewGuid().ToString("N"));
            e["attributes"] = new JsonObject { ["office"] = text.Length > 256 ? text[..256] : text };
            return (JsonNode)e;
        }).ToArray();

        var body = await (await client.PostAsync(events)).ReadObjectAsync();

        Assert.Equal(events.Length, body["accepted"]!.GetValue<int>());
    }
}
