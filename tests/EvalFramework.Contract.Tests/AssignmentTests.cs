using System.Text.Json;

namespace EvalFramework.Contract.Tests;

/// <summary>
/// <c>assignment</c> on <c>case.started</c> (contract v2), added through the field table: its own rules, errors that name
/// the field inside it and never the value, and events without it unchanged.
/// </summary>
public sealed class AssignmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly string Pseudonym = new string('a', 63) + "b";

    /// <summary>A generated personal identity number (valid check digit), ten digits.</summary>
    private static readonly string Id10 = IdentifierCorpus.IdentityNumberParts(seed: 49, count: 1).Select(p => p.Date + p.Serial).Single();

    private static WireEvent Started(string json) => JsonSerializer.Deserialize(
        "{\"id\":\"ev1x0a1b2c3d\",\"type\":\"case.started\",\"time\":\"2026-12-03T09:00:00Z\",\"pilot\":\"pilot-a\"," +
        "\"caseId\":\"case-1\",\"caseType\":\"building-permit-question\",\"arm\":\"manual\"" + json + "}",
        ContractJsonContext.Default.WireEvent)!;

    [Theory]
    [InlineData("case")]
    [InlineData("handler")]
    public void Check_PseudonymUnits_Valid(string unit)
    {
        var e = Started($",\"assignment\":{{\"unit\":\"{unit}\",\"unitId\":\"{Pseudonym}\",\"assignedArm\":\"ai_assisted\"}}");

        Assert.Null(EventValidator.Check(e, Now));
        Assert.Equal(("ai_assisted", unit), (e.Assignment!.AssignedArm, e.Assignment.Unit));
    }

    [Theory]
    [InlineData("team", "kontaktcenter")]
    [InlineData("period", "2026-W49")]
    [InlineData("period", "2026-W53")]
    [InlineData("period", "2026-12-01")]
    public void Check_TeamAndPeriodKeys_Valid(string unit, string id)
    {
        var e = Started($",\"assignment\":{{\"unit\":\"{unit}\",\"unitId\":\"{id}\",\"assignedArm\":\"manual\"}}");

        Assert.Null(EventValidator.Check(e, Now));
    }

    [Fact]
    public void Check_WithoutAssignment_StillValid()
    {
        Assert.Null(EventValidator.Check(Started(""), Now));
    }

    [Theory]
    [InlineData("{\"unitId\":\"kontaktcenter\",\"assignedArm\":\"manual\"}", "assignment.unit", "required")]
    [InlineData("{\"unit\":\"desk\",\"unitId\":\"kontaktcenter\",\"assignedArm\":\"manual\"}", "assignment.unit", "invalid")]
    [InlineData("{\"unit\":\"team\",\"assignedArm\":\"manual\"}", "assignment.unitId", "required")]
    [InlineData("{\"unit\":\"team\",\"unitId\":\"kontaktcenter\"}", "assignment.assignedArm", "required")]
    [InlineData("{\"unit\":\"team\",\"unitId\":\"kontaktcenter\",\"assignedArm\":\"Manual Arm\"}", "assignment.assignedArm", "invalid")]
    [InlineData("{\"unit\":\"case\",\"unitId\":\"case-1\",\"assignedArm\":\"manual\"}", "assignment.unitId", "invalid")]
    [InlineData("{\"unit\":\"handler\",\"unitId\":\"anna.svensson\",\"assignedArm\":\"manual\"}", "assignment.unitId", "invalid")]
    [InlineData("{\"unit\":\"period\",\"unitId\":\"2025-W53\",\"assignedArm\":\"manual\"}", "assignment.unitId", "invalid")]
    [InlineData("{\"unit\":\"period\",\"unitId\":\"2026-13-01\",\"assignedArm\":\"manual\"}", "assignment.unitId", "invalid")]
    [InlineData("{\"unit\":\"team\",\"unitId\":\"team-ID10\",\"assignedArm\":\"manual\"}", "assignment.unitId", "invalid")]
    public void Check_BadAssignment_NamesTheFieldInside(string assignment, string field, string code)
    {
        var e = Started(",\"assignment\":" + assignment.Replace("ID10", Id10, StringComparison.Ordinal));

        var error = Assert.Single(EventValidator.Check(e, Now)!);

        Assert.Equal((field, code), (error.Field, error.Code));
        Assert.DoesNotContain("anna", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Id10, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AssignmentOnAnotherType_UnknownField()
    {
        var e = JsonSerializer.Deserialize(
            "{\"id\":\"ev2x0a1b2c3d\",\"type\":\"case.completed\",\"time\":\"2026-12-03T09:00:00Z\",\"pilot\":\"pilot-a\"," +
            "\"caseId\":\"case-1\",\"outcome\":\"resolved\",\"assignment\":{\"unit\":\"case\"}}", ContractJsonContext.Default.WireEvent)!;

        var error = Assert.Single(EventValidator.Check(e, Now)!);

        Assert.Equal(("assignment", EventErrorCodes.UnknownField), (error.Field, error.Code));
    }

    [Fact]
    public void Json_UnknownMemberInsideAssignment_Refused()
    {
        Assert.Throws<JsonException>(() => Started(",\"assignment\":{\"unit\":\"case\",\"who\":\"x\"}"));
    }
}
