using System.Text;
using System.Text.Json;
using EvalFramework.Evaluation.Snapshots;
using EvalFramework.Evaluation.Tests.Simulation;

namespace EvalFramework.Evaluation.Tests.Snapshots;

/// <summary>
/// The snapshot document: what <see cref="SnapshotDocumentReader"/> reads from stored bytes,
/// <see cref="SnapshotJsonWriter"/> writes back byte for byte, so one model serves every reader without moving a hash.
/// </summary>
public sealed class SnapshotDocumentTests
{
    private static readonly DateTimeOffset From = new(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Snapshots as the engine stores them: the demo pilot simulated for 5 weeks with the shipped config, and the same cases as pilot-a of the test config.</summary>
    public static TheoryData<string> Stored => ["demo", "pilot-a"];

    private static byte[] Make(string name)
    {
        var config = name switch
        {
            "demo" => ConfigFiles.Load(RepoRoot.ShippedConfig).Config!,
            "pilot-a" => PilotAConfig.Load(),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        var pilot = name == "pilot-a" ? PilotAConfig.Pilot : "demo";
        var to = From.AddDays(35);
        using var engine = SimulatedSnapshot.Engine(config, pilot, Simulations.Events(Simulations.Demo(days: 35)), From, to, to.AddHours(3),
            role: name == "pilot-a" ? "handlaggare" : "kommunvagledare",
            rename: t => name == "pilot-a" && t == "social-services-documentation" ? "direct-procurement-advice" : t,
            id: "snap-" + name);
        return engine.ComputeJson();
    }

    [Theory]
    [MemberData(nameof(Stored))]
    public void Write_WhatTheReaderReadFromStoredBytes_SameBytes(string name)
    {
        var stored = Make(name);

        var document = SnapshotDocumentReader.Read(stored);

        Assert.NotEmpty(document.CaseTypes);
        Assert.NotNull(document.Breakdowns);
        Assert.Equal(Encoding.UTF8.GetString(stored), Encoding.UTF8.GetString(SnapshotJsonWriter.Write(document)));
        Assert.Equal(stored, SnapshotJsonWriter.Write(document));
    }

    [Fact]
    public void Read_DemoSnapshot_FieldsAsStored()
    {
        var stored = Make("demo");
        using var json = JsonDocument.Parse(stored);
        var root = json.RootElement;

        var document = SnapshotDocumentReader.Read(stored);

        Assert.Equal("snap-demo", document.Id);
        Assert.Equal(From, document.From);
        Assert.Equal(root.GetProperty("dataSha256").GetString(), document.DataSha256);
        Assert.Equal(root.GetProperty("methodology").GetProperty("configSha256").GetString(), document.ConfigSha256);
        Assert.Equal(Methodology.Version, document.MethodologyVersion);
        Assert.Equal("manual", document.Settings.BaselineArm);
        Assert.Equal(root.GetProperty("caseTypes").GetArrayLength(), document.CaseTypes.Count);
        Assert.Contains(document.CaseTypes.SelectMany(c => c.Comparisons), c => c.Difference is not null);
        Assert.Contains(document.Breakdowns!.CaseTypes.SelectMany(c => c.Arms), a => a.Cost is { StaffSek: > 0 });
    }

    [Fact]
    public void Read_OlderSnapshotWithoutSettingsBreakdownsAndQuality_DefaultsAndNull()
    {
        var json = """
            {"id":"snap-old","pilot":"demo","period":{"from":"2025-01-06T00:00:00.000Z","to":"2025-02-03T00:00:00.000Z"},
             "createdAt":"2025-02-03T10:00:00.000Z","dataSha256":"ab",
             "caseTypes":[{"caseType":"building-permit-question","arms":[{"arm":"manual","metrics":{}},{"arm":"ai_assisted","metrics":{}}],"comparisons":[]}],
             "pilotMetrics":[]}
            """;

        var document = SnapshotDocumentReader.Read(Encoding.UTF8.GetBytes(json));

        Assert.Null(document.Breakdowns);
        Assert.Null(document.ConfigSha256);
        Assert.Equal(0.95, document.Settings.ConfidenceLevel);
        Assert.Equal(30, document.Settings.MinSamplePerArm);
        Assert.Equal(5, document.Settings.KAnonymity);
        Assert.Equal("manual", document.Settings.BaselineArm);
        Assert.Null(document.DataQuality.SampleRatio);
        Assert.Empty(document.DataQuality.Warnings);
    }

    [Fact]
    public void Read_FileWithByteOrderMark_SameDocument()
    {
        var stored = Make("pilot-a");

        var document = SnapshotDocumentReader.Read((byte[])[0xEF, 0xBB, 0xBF, .. stored]);

        Assert.Equal(stored, SnapshotJsonWriter.Write(document));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"id":"snap-x","pilot":"demo"}""")]
    [InlineData("""{"id":"snap-x","pilot":"demo","period":{"from":"2025-01-06T00:00:00.000Z","to":"soon"},"createdAt":"2025-02-03T10:00:00.000Z"}""")]
    public void Read_NotASnapshot_JsonException(string json) =>
        Assert.ThrowsAny<JsonException>(() => SnapshotDocumentReader.Read(Encoding.UTF8.GetBytes(json)));

    /// <summary>The CSV's numbers are the JSON's digits: every cell checked against the raw text of the stored number.</summary>
    [Theory]
    [MemberData(nameof(Stored))]
    public void Csv_NumbersAsTheJsonWritesThem(string name)
    {
        var stored = Make(name);
        using var json = JsonDocument.Parse(stored);
        var expected = new List<string>();
        foreach (var caseType in json.RootElement.GetProperty("caseTypes").EnumerateArray())
        {
            foreach (var arm in caseType.GetProperty("arms").EnumerateArray())
            {
                foreach (var metric in arm.GetProperty("metrics").EnumerateObject())
                {
                    expected.Add(string.Join(',', Raw(metric.Value, "value"), Raw(metric.Value, "ciLow"), Raw(metric.Value, "ciHigh"), Raw(metric.Value, "n")));
                }
            }

            foreach (var c in caseType.GetProperty("comparisons").EnumerateArray())
            {
                Comparison(c);
            }
        }

        foreach (var m in json.RootElement.GetProperty("pilotMetrics").EnumerateArray())
        {
            expected.Add(string.Join(',', Raw(m, "value"), Raw(m, "ciLow"), Raw(m, "ciHigh"), Raw(m, "n")));
        }

        foreach (var c in json.RootElement.TryGetProperty("pilotComparisons", out var pilotComparisons) ? pilotComparisons.EnumerateArray() : default)
        {
            Comparison(c);
        }

        void Comparison(JsonElement c)
        {
            expected.Add(string.Join(',', Raw(c, "difference"), Raw(c, "ciLow"), Raw(c, "ciHigh"), Raw(c, "treatmentN")));
            expected.Add(string.Join(',', Raw(c, "relativeChange"), "", "", Raw(c, "treatmentN")));
            expected.Add(string.Join(',', Raw(c, "pValue"), "", "", Raw(c, "treatmentN")));
            expected.Add(string.Join(',', Raw(c, "adjustedPValue"), "", "", Raw(c, "treatmentN")));
            expected.Add(string.Join(',', Raw(c, "minimumDetectableEffect"), "", "", Raw(c, "treatmentN")));
            expected.Add(string.Join(',', c.GetProperty("verdict").GetString(), "", "", Raw(c, "treatmentN")));
            if (c.TryGetProperty("role", out var role))
            {
                var word = role.GetString() == ComparisonRoles.Secondary ? "secondary (exploratory)" : role.GetString();
                expected.Add(string.Join(',', word, "", "", Raw(c, "treatmentN")));
                expected.Add(string.Join(',', c.GetProperty("unit").GetString(), "", "", Raw(c, "treatmentN")));
                if (role.GetString() == ComparisonRoles.Guardrail)
                {
                    expected.Add(string.Join(',', Raw(c, "nonInferiorityMargin"), "", "", Raw(c, "treatmentN")));
                    expected.Add(string.Join(',', Raw(c, "nonInferiorityBound"), "", "", Raw(c, "treatmentN")));
                }
            }

            if (c.TryGetProperty("inference", out var inference))
            {
                expected.Add(string.Join(',', inference.GetString(), "", "", Raw(c, "treatmentN")));
            }
        }

        var lines = SnapshotCsv.FromJson(stored).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(SnapshotCsv.Header, lines[0]);
        Assert.Equal(expected, lines[1..].Select(l => string.Join(',', l.Split(',')[^4..])));
        Assert.Contains(expected, e => e.Contains('E', StringComparison.Ordinal) || e.Contains('.', StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_NumberFormat_SameAsTheJsonWriterForAwkwardDoubles()
    {
        double[] values = [1e-7, 1.5e-5, 123456789012345678, 1e21, 0.1 + 0.2, -0.0, 2.5, 1 / 3.0, 5e-324, double.MaxValue];
        foreach (var value in values)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteNumberValue(value);
            }

            var document = new SnapshotDocument("snap-x", "demo", From, From.AddDays(1), From.AddDays(1), "1", null, "", new SnapshotSettings(0.95, 30, 5, "manual", 0),
                [], [new PilotMetric("m", null, new MetricValue(value, null, null, 1))], new DataQualityReport([], 0, 0, 0, 0, 0, null, []), null);
            Assert.Equal(Encoding.UTF8.GetString(stream.ToArray()) + ",,,1", SnapshotCsv.From(document).Split('\n')[1].Split(',', 4)[3]);
        }
    }

    private static string Raw(JsonElement element, string property)
    {
        var value = element.GetProperty(property);
        return value.ValueKind == JsonValueKind.Null ? "" : value.GetRawText();
    }
}
