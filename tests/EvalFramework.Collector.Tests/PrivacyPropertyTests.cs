using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalFramework.Collector.Tests.Infrastructure;
using EvalFramework.Contract.Tests;
using Microsoft.Data.Sqlite;
using static EvalFramework.Collector.Tests.Infrastructure.Events;

namespace EvalFramework.Collector.Tests;

/// <summary>
/// A seeded property test of the privacy promise: 20,000 generated events, valid ones mixed with hostile strings
/// (personal identity numbers, e-mail addresses and phone numbers in disguise: Unicode digits, every kind of
/// separator, obfuscated at-signs, bidi and zero-width characters, lone surrogates) in every field. The collector
/// never answers 5xx, and no planted identifier reaches the database file, <c>/api/v1/cases</c>, a snapshot, its CSV,
/// the report page or <c>/metrics</c>.
/// </summary>
public sealed partial class PrivacyPropertyTests : IClassFixture<CollectorFactory>
{
    private const int EventCount = 20_000;
    private const int BatchSize = 100;
    private const string LoneSurrogate = "@@LONE-SURROGATE@@";

    private static readonly string[] Fields =
    [
        "id", "caseId", "caseType", "arm", "channel", "model", "role", "reason", "system", "kind", "team",
        "attributes.office", "attributes.language", "attributes.key",
    ];

    private readonly CollectorFactory _collector;

    public PrivacyPropertyTests(CollectorFactory collector) => _collector = collector;

    [Fact]
    public async Task PostEvents_TwentyThousandMixedEvents_No5xxAndNoIdentifierInAnyOutput()
    {
        using var client = _collector.ClientWith(_collector.WriterKey);
        var random = new Random(20261203);
        var secrets = Secrets().ToList();
        var (accepted, rejected, planted) = (0, 0, 0);
        var statuses = new Dictionary<int, int>();
        var responses = new StringBuilder();
        for (var sent = 0; sent < EventCount; sent += BatchSize)
        {
            var batch = new List<string>(BatchSize);
            for (var i = 0; i < BatchSize; i++)
            {
                var e = ValidEvent(random, sent + i);
                if (random.Next(2) == 0)
                {
                    Plant(e, Disguise(secrets[random.Next(secrets.Count)].Text, random), random);
                    planted++;
                }
                else if (random.Next(4) == 0)
                {
                    Plant(e, Hostile(random), random);
                }

                batch.Add(e.ToJsonString());
            }

            var body = "{\"events\":[" + string.Join(',', batch) + "]}";
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.Replace(LoneSurrogate, "\\ud800", StringComparison.Ordinal)));
            content.Headers.ContentType = new("application/json");
            using var response = await client.PostAsync("/api/v1/events", content);

            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(status is 200 or 400, $"batch at {sent} got {status}: {text}");
            responses.Append(text);
            if (status == 200)
            {
                var answer = JsonNode.Parse(text)!;
                accepted += (int)answer["accepted"]!;
                rejected += answer["rejected"]!.AsArray().Count;
            }
            else
            {
                rejected += BatchSize;
            }
        }

        // A pilot the key may not write refuses the whole batch (403), so identifiers in pilot go one event a request.
        for (var i = 0; i < 500; i++)
        {
            var e = ValidEvent(random, EventCount + i);
            e["pilot"] = i % 2 == 0 ? Disguise(secrets[random.Next(secrets.Count)].Text, random) : Hostile(random);
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(
                Batch(e).ToJsonString().Replace(LoneSurrogate, "\\ud800", StringComparison.Ordinal)));
            content.Headers.ContentType = new("application/json");
            using var response = await client.PostAsync("/api/v1/events", content);

            var status = (int)response.StatusCode;
            Assert.True(status is 400 or 403, $"pilot {i} got {status}");
            responses.Append(await response.Content.ReadAsStringAsync());
        }

        // The property is only worth something if both sides were exercised.
        Assert.True(accepted > 5_000, $"only {accepted} events accepted");
        Assert.True(planted > 8_000 && rejected >= planted, $"planted {planted}, rejected {rejected}");

        var outputs = new Dictionary<string, string>
        {
            ["ingest answers"] = responses.ToString(),
            ["database file"] = DatabaseText(),
            ["/api/v1/cases"] = await CasesAsync(client),
            ["/metrics"] = await client.GetStringAsync("/metrics"),
        };
        var created = await client.PostAsync("/api/v1/snapshots", Json(new JsonObject
        {
            ["pilot"] = CollectorFactory.PilotA,
            ["from"] = DateTimeOffset.UtcNow.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
        outputs["snapshot JSON"] = await client.GetStringAsync("/api/v1/snapshots/" + id);
        outputs["snapshot CSV"] = await client.GetStringAsync($"/api/v1/snapshots/{id}?format=csv");
        outputs["report (sv)"] = await client.GetStringAsync($"/reports/{id}?lang=sv");
        outputs["report (en)"] = await client.GetStringAsync($"/reports/{id}?lang=en");
        Assert.Contains("\"caseTypes\"", outputs["snapshot JSON"], StringComparison.Ordinal);

        foreach (var (where, text) in outputs)
        {
            var normalized = Normalize(text);
            foreach (var secret in secrets)
            {
                var match = secret.Pattern.Match(normalized);
                Assert.False(match.Success, $"{secret.Kind} {secret.Text} found in {where}: "
                    + (match.Success ? normalized[Math.Max(0, match.Index - 120)..Math.Min(normalized.Length, match.Index + match.Length + 40)] : ""));
            }
        }
    }

    /// <summary>A secret and a pattern that finds it however it was disguised, once the text is normalised.</summary>
    private sealed record Secret(string Kind, string Text, Regex Pattern);

    private static IEnumerable<Secret> Secrets()
    {
        // Any run of separators (not letters or digits) may stand between the digits of a number.
        static Regex Digits(string value) => new(string.Join("[^\\p{L}\\p{N}]{0,4}",
            value.Where(char.IsAsciiDigit).Select(c => c.ToString())), RegexOptions.CultureInvariant);

        foreach (var number in IdentifierCorpus.PersonalIdentityNumbers(1203, 40)
            .Concat(IdentifierCorpus.PersonalIdentityNumbers(1204, 20, coordination: true)))
        {
            var digits = new string([.. number.Where(char.IsAsciiDigit)]);
            yield return new("identity number", number, Digits(digits[^10..]));
        }

        foreach (var phone in new[] { "070-123 45 67", "08-123 456 78", "031-712 34 56", "+46 70 765 43 21", "0046 70 111 22 33" })
        {
            yield return new("phone number", phone, Digits(phone));
        }

        foreach (var local in new[] { "zqanna.svensson", "zqkalle", "zqasa_oberg" })
        {
            yield return new("e-mail address", local + "@example.se", new Regex(Regex.Escape(local), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
        }
    }

    /// <summary>The secret as a careless or hostile client might write it.</summary>
    private static string Disguise(string secret, Random random)
    {
        var text = random.Next(9) switch
        {
            0 => secret,
            1 => secret.Replace("-", new[] { " ", "–", "—", ".", "/", "_", "\u2011", "\u00A0", "" }[random.Next(9)], StringComparison.Ordinal),
            2 => Digits(secret, '\uFF10'), // full-width
            3 => Digits(secret, '\u0660'), // Arabic-Indic
            4 => Digits(secret, '\u0966'), // Devanagari
            5 => secret.Replace("@", new[] { "＠", "(at)", " at ", "[at]", "%40", "@" }[random.Next(6)], StringComparison.Ordinal)
                .Replace(".se", new[] { "[dot]se", " dot se", ".se" }[random.Next(3)], StringComparison.Ordinal),
            6 => secret.Replace(" ", new[] { ".", "/", "-" }[random.Next(3)], StringComparison.Ordinal).Replace("-", ".", StringComparison.Ordinal),
            7 => string.Join(new[] { "\u200B", "\u202E", "\u2066", "\uFEFF" }[random.Next(4)], secret.Chunk(3).Select(c => new string(c))),
            _ => secret + LoneSurrogate,
        };
        return random.Next(3) switch
        {
            0 => text,
            1 => "ärende " + text + " gäller altan",
            _ => "x" + text.Replace(" ", "_", StringComparison.Ordinal),
        };
    }

    private static string Digits(string text, char zero) =>
        string.Concat(text.Select(c => char.IsAsciiDigit(c) ? (char)(zero + (c - '0')) : c));

    private static string Hostile(Random random) => new[]
    {
        "'; DROP TABLE events; --", "<script>alert(1)</script>", "\u202Eevil", "A\u0000B", "\u001b[31m", "ｐｉｌｏｔ",
        "Anna Svensson", "Storgatan 1", "\u200B", "a" + LoneSurrogate, new string('x', 300),
    }[random.Next(11)];

    /// <summary>Puts a value into one field of the event (a field its type may not carry is an error too: fine).</summary>
    private static void Plant(JsonObject e, string value, Random random)
    {
        var field = Fields[random.Next(Fields.Length)];
        switch (field)
        {
            case "attributes.key":
                e["attributes"] = new JsonObject { [value] = "sv" };
                break;
            case var f when f.StartsWith("attributes.", StringComparison.Ordinal):
                e["attributes"] = new JsonObject { [f["attributes.".Length..]] = value };
                break;
            default:
                e[field] = value;
                break;
        }
    }

    private static JsonObject ValidEvent(Random random, int n)
    {
        var all = OneOfEachType("fz-" + random.Next(3000).ToString(CultureInfo.InvariantCulture) + "x");
        var e = all[random.Next(all.Length)];
        e["time"] = Time(DateTimeOffset.UtcNow.AddMinutes(-random.Next(10, 24 * 60)));
        if (random.Next(5) == 0)
        {
            e["attributes"] = new JsonObject { ["office"] = "Helsingborg " + n % 7, ["language"] = "sv" };
        }

        return e;
    }

    /// <summary>The database file and its write-ahead log as text (invalid UTF-8 shown as U+FFFD).</summary>
    private string DatabaseText()
    {
        using (var connection = new SqliteConnection($"Data Source={_collector.DatabasePath};Pooling=False"))
        {
            connection.Open();
        }

        var text = new StringBuilder();
        foreach (var path in new[] { _collector.DatabasePath, _collector.DatabasePath + "-wal" })
        {
            if (File.Exists(path))
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream, new UTF8Encoding(false, false));
                text.Append(reader.ReadToEnd());
            }
        }

        Assert.True(text.Length > 100_000, "the database file is unexpectedly small");
        return text.ToString();
    }

    private static async Task<string> CasesAsync(HttpClient client)
    {
        var all = new StringBuilder();
        string? cursor = null;
        do
        {
            var page = JsonNode.Parse(await client.GetStringAsync("/api/v1/cases?pilot=pilot-a&limit=1000" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))))!;
            all.Append(page.ToJsonString());
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);
        return all.ToString();
    }

    /// <summary>NFKC, every Unicode decimal digit as its ASCII digit, format characters removed, JSON \u escapes decoded.</summary>
    private static string Normalize(string text)
    {
        var unescaped = UnicodeEscape().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
        var decoded = WebUtility.HtmlDecode(unescaped).Replace("%40", "@", StringComparison.OrdinalIgnoreCase);
        var builder = new StringBuilder(decoded.Length);
        foreach (var c in decoded.Normalize(NormalizationForm.FormKC))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber)
            {
                builder.Append((char)('0' + (int)CharUnicodeInfo.GetDecimalDigitValue(c)));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\\u([0-9a-fA-F]{4})")]
    private static partial Regex UnicodeEscape();
}
