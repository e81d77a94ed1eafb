using System.Text.Json;

namespace EvalFramework.Contract.Tests;

public sealed class EventValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 10, 0, 0, TimeSpan.Zero);

    private static WireEvent Started() => new()
    {
        Id = "ev1x0a1b2c3d", Type = EventTypes.CaseStarted, Time = Now.AddMinutes(-1), Pilot = "pilot-a", CaseId = "case-1",
        CaseType = "building-permit-question", Arm = "manual",
    };

    private static WireEvent OfType(string type) => type switch
    {
        EventTypes.CaseStarted => Started(),
        EventTypes.AiUsage => new() { Id = "ev2x0a1b2c3d", Type = type, Time = Now, Pilot = "pilot-a", CaseId = "case-1", Model = "gpt-4o-mini", InputTokens = 10, OutputTokens = 5 },
        EventTypes.HumanEffort => new() { Id = "ev3x0a1b2c3d", Type = type, Time = Now, Pilot = "pilot-a", CaseId = "case-1", Role = "handler", Seconds = 60 },
        EventTypes.CaseEscalated => new() { Id = "ev4x0a1b2c3d", Type = type, Time = Now, Pilot = "pilot-a", CaseId = "case-1", Reason = "complex" },
        EventTypes.IntegrationFailure => new() { Id = "ev5x0a1b2c3d", Type = type, Time = Now, Pilot = "pilot-a", CaseId = "case-1", TargetSystem = "case-register", Kind = "timeout" },
        EventTypes.SurveyStaff => new() { Id = "ev6x0a1b2c3d", Type = type, Time = Now, Pilot = "pilot-a", Team = "permits", Arm = "manual", Wellbeing = 4, Workload = 3, Stress = 2 },
        EventTypes.PilotMaintenance => new() { Id = "ev7x0a1b2c3d", Type = type, Time = Now, Pilot = "pilot-a", Hours = 2, Kind = "training" },
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    [Fact]
    public void Validate_EventsOfTheTestVocabulary_Valid()
    {
        foreach (var type in new[] { EventTypes.CaseStarted, EventTypes.AiUsage, EventTypes.HumanEffort, EventTypes.CaseEscalated, EventTypes.IntegrationFailure, EventTypes.SurveyStaff, EventTypes.PilotMaintenance })
        {
            Assert.Null(EventValidator.Validate(OfType(type), Now));
        }
    }

    public static TheoryData<string, string> SlugFieldsAndIdentifiers()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in new[] { "pilot", "caseType", "arm", "channel", "role", "reason", "system", "kind", "team", "attribute key" })
        {
            foreach (var value in new[] { IdentifierCorpus.WithExample("x{date}{serial}"), IdentifierCorpus.WithExample("{date}-{serial}"), "46701234567", "t0701234567x" })
            {
                data.Add(field, value);
            }

            if (field != "pilot")
            {
                data.Add(field, IdentifierCorpus.WithExample("{date}_{serial}"));
                data.Add(field, "ref_0701234567");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SlugFieldsAndIdentifiers))]
    public void Validate_IdentifierInSlugField_RefusedNamingFieldNotValue(string field, string value)
    {
        WireEvent e;
        switch (field)
        {
            case "pilot": e = Started(); e.Pilot = value; break;
            case "caseType": e = Started(); e.CaseType = value; break;
            case "arm": e = Started(); e.Arm = value; break;
            case "channel": e = Started(); e.Channel = value; break;
            case "role": e = OfType(EventTypes.HumanEffort); e.Role = value; break;
            case "reason": e = OfType(EventTypes.CaseEscalated); e.Reason = value; break;
            case "system": e = OfType(EventTypes.IntegrationFailure); e.TargetSystem = value; break;
            case "kind": e = OfType(EventTypes.IntegrationFailure); e.Kind = value; break;
            case "team": e = OfType(EventTypes.SurveyStaff); e.Team = value; break;
            default: e = Started(); e.Attributes = new() { [value] = "x" }; break;
        }

        var errors = EventValidator.Validate(e, Now);

        var prefix = field == "attribute key" ? "attributes" : field;
        var error = Assert.Single(errors!);
        Assert.StartsWith(prefix + ": looks like ", error, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AttributeKeyRefusedAndItsValueBad_NoMessageEchoesTheKey()
    {
        var key = IdentifierCorpus.WithExample("x{date}-{serial}");
        var e = Started();
        e.Attributes = new() { [key] = new string('v', 300) };

        var errors = EventValidator.Validate(e, Now);

        Assert.NotNull(errors);
        Assert.Equal(2, errors.Count);
        Assert.All(errors, error => Assert.StartsWith("attributes: ", error, StringComparison.Ordinal));
        Assert.All(errors, error => Assert.DoesNotContain(key, error, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("1970-01-01T00:00:00Z")]
    [InlineData("1999-12-31T23:59:59.999+00:00")]
    [InlineData("2000-01-01T00:59:59+01:00")]
    public void Validate_TimeBefore2000_RefusedNamingTime(string time)
    {
        var e = Started();
        e.Time = Read(time);

        var error = Assert.Single(EventValidator.Validate(e, Now)!);

        Assert.StartsWith("time: ", error, StringComparison.Ordinal);
        Assert.Contains("2000-01-01", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TimeFrom2000_Accepted()
    {
        var e = Started();
        e.Time = Read("2000-01-01T00:00:00Z");

        Assert.Null(EventValidator.Validate(e, Now));
    }

    [Theory]
    [InlineData("12/03/2026")]
    [InlineData("12/03/2026 10:00:00 +01:00")]
    [InlineData("03/12/2026T10:00:00+01:00")]
    [InlineData("2026-03-12")]
    [InlineData("2026-03-12 10:00:00+01:00")]
    [InlineData("2026-03-12T10:00:00")]
    [InlineData(" 2026-03-12T10:00:00Z")]
    [InlineData("2026-03-12T10:00:00Z ")]
    [InlineData("2026-03-12T10:00Z")]
    [InlineData("Thu, 12 Mar 2026 10:00:00 GMT")]
    [InlineData("2026-03-12T10:00:00+0100")]
    [InlineData("\u0662\u0660\u0662\u0666-\u0660\u0663-\u0661\u0662T10:00:00Z")]
    public void ReadTime_NotRfc3339WithOffset_Refused(string time)
    {
        var json = "{\"time\":" + JsonSerializer.Serialize(time) + "}";

        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ContractJsonContext.Default.WireEvent));

        Assert.Contains("RFC 3339", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12/03/2026")]
    [InlineData("03/12/2026")]
    [InlineData("12.03.2026")]
    [InlineData("2026-3-12")]
    [InlineData("20260312")]
    [InlineData("2026-03-12T10:00:00")]
    [InlineData("2026-03-12 10:00")]
    [InlineData("\u0662\u0660\u0662\u0666-\u0660\u0663-\u0661\u0662")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseDateOrTime_NotADateOrRfc3339Time_Refused(string? text)
    {
        Assert.False(EventValidator.TryParseDateOrTime(text, out _));
    }

    [Theory]
    [InlineData("2026-03-12", "2026-03-12T00:00:00+00:00")]
    [InlineData("2026-03-12T10:00:00+01:00", "2026-03-12T09:00:00+00:00")]
    [InlineData("2026-03-12T09:00:00.5Z", "2026-03-12T09:00:00.5+00:00")]
    public void TryParseDateOrTime_DateOrRfc3339Time_Read(string text, string expected)
    {
        Assert.True(EventValidator.TryParseDateOrTime(text, out var value));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(text.Length > 10, EventValidator.TryParseTime(text, out _));
    }

    [Theory]
    [InlineData(5e-324)]
    [InlineData(1e-9)]
    [InlineData(0.0009)]
    public void Validate_SecondsBelowAMillisecond_Refused(double seconds)
    {
        var e = OfType(EventTypes.HumanEffort);
        e.Seconds = seconds;

        var error = Assert.Single(EventValidator.Validate(e, Now)!);

        Assert.StartsWith("seconds: ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5e-324)]
    [InlineData(1e-9)]
    public void Validate_HoursBelowMinimum_Refused(double hours)
    {
        var e = OfType(EventTypes.PilotMaintenance);
        e.Hours = hours;

        var error = Assert.Single(EventValidator.Validate(e, Now)!);

        Assert.StartsWith("hours: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SmallestAllowedSecondsAndHours_Accepted()
    {
        var effort = OfType(EventTypes.HumanEffort);
        effort.Seconds = EventValidator.MinSeconds;
        var maintenance = OfType(EventTypes.PilotMaintenance);
        maintenance.Hours = EventValidator.MinMaintenanceHours;

        Assert.Null(EventValidator.Validate(effort, Now));
        Assert.Null(EventValidator.Validate(maintenance, Now));
    }

    public static TheoryData<string, int> FreeTextFieldsAndInvisibles()
    {
        var data = new TheoryData<string, int>();
        foreach (var field in new[] { "caseId", "model", "attributes.office" })
        {
            foreach (var c in new[] { 0x202A, 0x202E, 0x2066, 0x2069, 0x200E, 0x200F, 0x061C, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x2028, 0xD800 })
            {
                data.Add(field, c);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FreeTextFieldsAndInvisibles))]
    public void Validate_BidiZeroWidthOrFormatCharacterInFreeText_RefusedNamingField(string field, int character)
    {
        var text = "ärende " + (char)character + "gäller altan";
        var e = OfType(EventTypes.AiUsage);
        switch (field)
        {
            case "caseId": e.CaseId = text; break;
            case "model": e.Model = text; break;
            default: e.Attributes = new() { ["office"] = text }; break;
        }

        var error = Assert.Single(EventValidator.Validate(e, Now)!);

        Assert.StartsWith(field + ": ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FreeTextInOtherScripts_Accepted()
    {
        var e = OfType(EventTypes.AiUsage);
        e.Model = "модель-ü 模型 نموذج";
        e.CaseId = "ÄRENDE 2025/4711 ✓";
        e.Attributes = new() { ["office"] = "Malmö stadshus 🏛" };

        Assert.Null(EventValidator.Validate(e, Now));
    }

    private static DateTimeOffset Read(string time) =>
        JsonSerializer.Deserialize("{\"time\":\"" + time + "\"}", ContractJsonContext.Default.WireEvent)!.Time!.Value;
}
