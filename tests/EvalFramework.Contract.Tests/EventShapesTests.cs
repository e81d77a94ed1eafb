using System.Reflection;
using System.Text.Json;

namespace EvalFramework.Contract.Tests;

public sealed class EventShapesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EveryEventType_HasOneShape()
    {
        Assert.Equal(EventTypes.All, EventShapes.All.Select(s => s.Type));
        Assert.All(EventTypes.All, type => Assert.NotNull(EventShapes.Find(type)));
        Assert.Null(EventShapes.Find("case.unknown"));
    }

    [Fact]
    public void EveryTypeSpecificWireEventProperty_AppearsInSomeShape()
    {
        string[] common = ["id", "type", "time", "pilot", "caseId", "attributes"];
        var wireNames = typeof(WireEvent).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name
                ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .Except(common)
            .Order(StringComparer.Ordinal);
        var tableNames = EventShapes.All.SelectMany(s => s.Fields).Select(f => f.Field.Name).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(wireNames, tableNames);
        Assert.Equal(WireFields.All.Select(f => f.Name).Order(StringComparer.Ordinal), tableNames);
    }

    [Fact]
    public void EveryField_ReadsItsOwnProperty()
    {
        var e = new WireEvent();
        foreach (var field in WireFields.All)
        {
            Assert.Null(field.Read(e));
        }

        var json = "{" + string.Join(",", WireFields.All.Select(f => "\"" + f.Name + "\":" + f.Kind switch
        {
            FieldKind.Bool => "true",
            FieldKind.IntRange or FieldKind.DoubleRange => "1",
            FieldKind.Object => "{}",
            _ => "\"x\"",
        })) + "}";
        var full = JsonSerializer.Deserialize(json, ContractJsonContext.Default.WireEvent)!;
        Assert.All(WireFields.All, field => Assert.NotNull(field.Read(full)));
    }

    [Theory]
    [MemberData(nameof(TypesAndForeignFields))]
    public void FieldOfAnotherType_UnknownField(string type, string field)
    {
        var e = new WireEvent { Id = "ev1", Type = type, Time = Now, Pilot = "pilot-a", CaseId = EventTypes.IsCaseEvent(type) ? "case-1" : null };
        var json = JsonSerializer.Serialize(e, ContractJsonContext.Default.WireEvent);
        var wire = WireFields.All.Single(f => f.Name == field);
        var value = wire.Kind switch { FieldKind.Bool => "true", FieldKind.IntRange or FieldKind.DoubleRange => "1",
            FieldKind.Object => "{}", _ => "\"x\"" };
        e = JsonSerializer.Deserialize(json[..^1] + ",\"" + field + "\":" + value + "}", ContractJsonContext.Default.WireEvent)!;

        var errors = EventValidator.Check(e, Now);

        Assert.NotNull(errors);
        Assert.Contains(new EventError(field, EventErrorCodes.UnknownField, "not a field of " + type + " events"), errors);
    }

    public static TheoryData<string, string> TypesAndForeignFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var shape in EventShapes.All)
        {
            foreach (var field in WireFields.All.Where(f => shape.Find(f.Name) is null).Take(3))
            {
                data.Add(shape.Type, field.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void RequiredFieldMissing_RequiredCode(string type, string field)
    {
        var e = new WireEvent { Id = "ev1", Type = type, Time = Now, Pilot = "pilot-a", CaseId = EventTypes.IsCaseEvent(type) ? "case-1" : null };

        var errors = EventValidator.Check(e, Now);

        Assert.NotNull(errors);
        var error = Assert.Single(errors, x => x.Field == field);
        Assert.Equal(EventErrorCodes.Required, error.Code);
    }

    public static TheoryData<string, string> RequiredFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var shape in EventShapes.All)
        {
            foreach (var use in shape.Fields.Where(u => u.Required))
            {
                data.Add(shape.Type, use.Field.Name);
            }
        }

        return data;
    }

    [Fact]
    public void StructuredErrors_FieldCodeAndMessage_TextIsFieldColonMessage()
    {
        var e = new WireEvent
        {
            Id = "ev1", Type = EventTypes.CaseStarted, Time = Now, Pilot = "pilot-a", CaseId = "case-1",
            CaseType = "Not A Slug", Arm = "manual", Csat = 9,
        };

        var errors = EventValidator.Check(e, Now)!;

        Assert.Equal(
            [
                new("csat", EventErrorCodes.UnknownField, "not a field of case.started events"),
                new("caseType", EventErrorCodes.Invalid, "must be a slug of 1–64 characters: a-z or 0-9 first, then a-z, 0-9, '_' or '-'"),
            ],
            errors);
        Assert.Equal(errors.Select(x => x.Field + ": " + x.Message), EventValidator.Validate(e, Now));
        Assert.DoesNotContain(errors, x => x.Message.Contains("Not A Slug", StringComparison.Ordinal));
    }

    [Fact]
    public void OutOfRangeAndIdentifier_Codes()
    {
        var e = new WireEvent
        {
            Id = "ev1", Type = EventTypes.SurveyStaff, Time = Now, Pilot = "pilot-a", Team = "anna.svensson@example.se",
            Arm = "manual", Wellbeing = 9, Workload = 3, Stress = 2,
        };

        var errors = EventValidator.Check(e, Now)!;

        Assert.Contains(errors, x => x is { Field: "wellbeing", Code: EventErrorCodes.OutOfRange });
        Assert.Contains(errors, x => x is { Field: "team", Code: EventErrorCodes.PersonalIdentifier });
    }

    [Fact]
    public void VocabularyLists_NamedOnlyOnSlugOrTextFields()
    {
        var uses = EventShapes.All.SelectMany(s => s.Fields).Where(u => u.Vocabulary is not null).ToList();

        Assert.NotEmpty(uses);
        Assert.All(uses, u => Assert.Contains(u.Field.Kind, new[] { FieldKind.Slug, FieldKind.Text }));
        Assert.Equal("integrationFailureKinds", EventShapes.Find(EventTypes.IntegrationFailure)!.Find("kind")!.Vocabulary);
        Assert.Equal("maintenanceKinds", EventShapes.Find(EventTypes.PilotMaintenance)!.Find("kind")!.Vocabulary);
    }
}
