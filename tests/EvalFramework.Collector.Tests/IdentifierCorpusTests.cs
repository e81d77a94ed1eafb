using System.Net;
using System.Text.Json.Nodes;
using EvalFramework.Collector.Tests.Infrastructure;
using EvalFramework.Contract.Tests;
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

    /// <summary>The free-text fields, where hidden forms can be written at all (the others are slugs or ids).</summary>
    private static readonly (string Field, Func<JsonObject> Event)[] FreeTextFields =
    [
        ("caseId", () => AiUsage()), ("model", () => AiUsage()), ("attributes.office", () => AiUsage()),
    ];

    private static JsonObject WithValue(JsonObject e, string field, string value)
    {
        if (field.StartsWith("attributes.", StringComparison.Ordinal))
        {
            e["attributes"] = new JsonObject { [field["attributes.".Length..]] = value };
        }
        else
        {
            e[field] = value;
        }

        return e;
    }

    [Fact]
    public async Task PostEvents_HiddenIdentifierInFreeTextField_RefusedNamingFieldAndNothingStored()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var before = _collector.Count("events");
        var hidden = IdentifierCorpus.HiddenIdentityNumbers(51)
            .Concat(IdentifierCorpus.HiddenIdentityNumbers(52, coordination: true))
            .Concat(IdentifierCorpus.HiddenEmailAddresses)
            .Concat(IdentifierCorpus.HiddenPhoneNumbers)
            .ToList();
        var accepted = new List<string>();
        foreach (var identifier in hidden)
        {
            foreach (var (field, make) in FreeTextFields)
            {
                var response = await client.PostAsync(WithValue(make(), field, "ärende " + identifier + " gäller altan"));

                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    accepted.Add($"{field}: {identifier} ({(int)response.StatusCode})");
                    continue;
                }

                Assert.DoesNotContain(identifier, text, StringComparison.Ordinal);
                Assert.True(JsonNode.Parse(text)!["errors"]!.AsObject().ContainsKey("events[0]." + field), $"{field}: {text}");
            }
        }

        Assert.Empty(accepted);
        Assert.Equal(before, _collector.Count("events"));
    }

    [Fact]
    public async Task PostEvents_IdentifierGluedToLettersInSlugField_RefusedNamingField()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var before = _collector.Count("events");
        var slugFields = new (string Field, Func<JsonObject> Event)[]
        {
            ("caseType", () => Started()), ("arm", () => Started()), ("channel", () => Started()), ("role", () => Effort()),
            ("reason", () => OneOfEachType()[3]), ("system", () => OneOfEachType()[6]), ("kind", () => OneOfEachType()[6]),
            ("team", () => OneOfEachType()[9]),
        };
        foreach (var slug in IdentifierCorpus.SlugIdentifiers)
        {
            foreach (var (field, make) in slugFields)
            {
                var e = make();
                e[field] = slug;

                var response = await client.PostAsync(e);

                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                var text = await response.Content.ReadAsStringAsync();
                Assert.DoesNotContain(slug, text, StringComparison.Ordinal);
                Assert.Contains("looks like", JsonNode.Parse(text)!["errors"]!["events[0]." + field]!.ToJsonString(), StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, _collector.Count("events"));
    }

    [Fact]
    public async Task PostEvents_UuidShapedIdHoldingIdentityNumber_RefusedAndNotStored()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var e = Started("uuid-" + Token());
        var (century, date, _) = IdentifierCorpus.Example;
        e["id"] = IdentifierCorpus.WithExample("{century}{date}-{serial}-4000-8000-000000000000");

        var response = await client.PostAsync(e);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(century + date, text, StringComparison.Ordinal);
        Assert.Contains("looks like a personal identity number", JsonNode.Parse(text)!["errors"]!["events[0].id"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0L, _collector.Scalar($"SELECT COUNT(*) FROM events WHERE event_id LIKE '{century}{date}%'"));
    }

    [Fact]
    public async Task PostEvents_NonAsciiDigitsInFreeText_400NamingFieldNot500AndValidEventsOfTheBatchStored()
    {
        // The guard once parsed \d matches (which include Arabic-Indic and full-width digits) as ASCII: FormatException, 500.
        using var client = _collector.ClientWith(_collector.WriterKey);
        string[] values =
        [
            "ref 1234567 \u0668\u0661\u0661\u0662\u0661\u0668-\u0669\u0668\u0667\u0666",
            "ref \uFF18\uFF11\uFF11\uFF12\uFF11\uFF18\uFF0D\uFF19\uFF18\uFF17\uFF16",
            "ring \u0966\u096D\u0966-\u0967\u0968\u0969 \u096A\u096B \u096C\u096D",
        ];
        foreach (var value in values)
        {
            foreach (var (field, make) in FreeTextFields)
            {
                var alone = await client.PostAsync(WithValue(make(), field, value));

                Assert.Equal(HttpStatusCode.BadRequest, alone.StatusCode);
                Assert.True((await alone.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("events[0]." + field));

                var caseId = "digits-" + Token();
                var good = Started(caseId);
                var bad = WithValue(make(), field, value);
                var alsoGood = Effort(caseId);
                var mixed = await client.PostAsync(good, bad, alsoGood);

                Assert.Equal(HttpStatusCode.OK, mixed.StatusCode);
                var body = await mixed.ReadObjectAsync();
                Assert.Equal(2, body["accepted"]!.GetValue<int>());
                var rejected = Assert.Single(body["rejected"]!.AsArray())!;
                Assert.Equal(1, rejected["index"]!.GetValue<int>());
                Assert.StartsWith(field + ":", rejected["errors"]![0]!.GetValue<string>(), StringComparison.Ordinal);
                foreach (var stored in new[] { good, alsoGood })
                {
                    Assert.Equal(1L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE event_id = @id", ("@id", stored["id"]!.GetValue<string>())));
                }
            }
        }
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
