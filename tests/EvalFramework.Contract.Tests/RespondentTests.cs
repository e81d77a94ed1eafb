using System.Text.Json;

namespace EvalFramework.Contract.Tests;

/// <summary>
/// <c>respondent</c> (contract v2) on <c>survey.staff</c>: optional, a 64-hex pseudonym like the SDK's case ids; any
/// other value is refused (and checked for personal identifiers, never echoed); it belongs to no other event type.
/// </summary>
public sealed class RespondentTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 10, 0, 0, TimeSpan.Zero);
    private const string Pseudonym = "5f1e0c3a9b7d2e4f6a8c0b1d3e5f7a9c1b3d5e7f9a0c2e4b6d8f0a1c3e5b7d9f";

    private static WireEvent Staff(string? respondent) => new()
    {
        Id = "ev6x0a1b2c3d", Type = EventTypes.SurveyStaff, Time = Now, Pilot = "pilot-a", Team = "permits", Arm = "manual",
        Wellbeing = 4, Workload = 3, Stress = 2, Respondent = respondent,
    };

    [Fact]
    public void Check_StaffSurveyWithAPseudonym_Valid() => Assert.Null(EventValidator.Check(Staff(Pseudonym), Now));

    [Fact]
    public void Check_StaffSurveyWithoutRespondent_ValidAsInContractV1() => Assert.Null(EventValidator.Check(Staff(null), Now));

    [Theory]
    [InlineData("anna")]
    [InlineData("5F1E0C3A9B7D2E4F6A8C0B1D3E5F7A9C1B3D5E7F9A0C2E4B6D8F0A1C3E5B7D9F")] // upper case
    [InlineData("5f1e0c3a9b7d2e4f6a8c0b1d3e5f7a9c1b3d5e7f9a0c2e4b6d8f0a1c3e5b7d9")] // 63 digits
    [InlineData("")]
    public void Check_RespondentNotAPseudonym_InvalidWithoutEchoingIt(string respondent)
    {
        var errors = EventValidator.Check(Staff(respondent), Now);

        var error = Assert.Single(errors!);
        Assert.Equal(new EventError("respondent", EventErrorCodes.Invalid,
            "must be a pseudonym: 64 lower-case hex characters (HMAC-SHA256, as the SDK makes it)"), error);
        Assert.DoesNotContain(respondent.Length > 0 ? respondent : "\u0000", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anna.andersson@example.se", "an e-mail address")]
    [InlineData("{date}-{serial}", "a personal identity number")]
    public void Check_RespondentHoldingAnIdentifier_RefusedAsAPersonalIdentifier(string pattern, string described)
    {
        var respondent = IdentifierCorpus.WithExample(pattern);
        var errors = EventValidator.Check(Staff(respondent), Now)!;

        Assert.Contains(errors, e => e.Field == "respondent" && e.Code == EventErrorCodes.PersonalIdentifier
            && e.Message.StartsWith("looks like " + described, StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.ToString().Contains(respondent, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_RespondentOnACaseEvent_UnknownField()
    {
        var e = new WireEvent
        {
            Id = "ev1x0a1b2c3d", Type = EventTypes.CaseStarted, Time = Now, Pilot = "pilot-a", CaseId = "case-1",
            CaseType = "building-permit-question", Arm = "manual", Respondent = Pseudonym,
        };

        Assert.Contains(new EventError("respondent", EventErrorCodes.UnknownField, "not a field of case.started events"), EventValidator.Check(e, Now)!);
    }

    [Fact]
    public void Json_Respondent_RoundTripsUnderItsWireName()
    {
        var json = JsonSerializer.Serialize(Staff(Pseudonym), ContractJsonContext.Default.WireEvent);

        Assert.Contains("\"respondent\":\"" + Pseudonym + "\"", json, StringComparison.Ordinal);
        Assert.Equal(Pseudonym, JsonSerializer.Deserialize(json, ContractJsonContext.Default.WireEvent)!.Respondent);
    }
}
