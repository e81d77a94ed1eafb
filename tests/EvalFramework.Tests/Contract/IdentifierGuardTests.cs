using EvalFramework.Contract;

namespace EvalFramework.Tests.Contract;

public sealed class IdentifierGuardTests
{
    public static TheoryData<string> PersonalIdentityNumbers => [.. IdentifierCorpus.PersonalIdentityNumbers(1, 200)];

    public static TheoryData<string> CoordinationNumbers => [.. IdentifierCorpus.PersonalIdentityNumbers(2, 50, coordination: true)];

    public static TheoryData<string> Emails => [.. IdentifierCorpus.EmailAddresses];

    public static TheoryData<string> Phones => [.. IdentifierCorpus.PhoneNumbers];

    public static TheoryData<string> LookAlikes => [.. IdentifierCorpus.LookAlikes(3)];

    [Theory]
    [MemberData(nameof(PersonalIdentityNumbers))]
    public void Find_PersonalIdentityNumber_AloneAndInsideText_Found(string number)
    {
        Assert.Equal(IdentifierKind.PersonalIdentityNumber, IdentifierGuard.Find(number));
        Assert.Equal(IdentifierKind.PersonalIdentityNumber, IdentifierGuard.Find($"Sökande {number}, ärende om altan."));
    }

    [Theory]
    [MemberData(nameof(CoordinationNumbers))]
    public void Find_CoordinationNumber_Found(string number)
    {
        Assert.Equal(IdentifierKind.CoordinationNumber, IdentifierGuard.Find(number));
        Assert.Equal(IdentifierKind.CoordinationNumber, IdentifierGuard.Find("samordningsnr: " + number));
    }

    [Theory]
    [MemberData(nameof(Emails))]
    public void Find_EmailAddress_Found(string email)
    {
        Assert.Equal(IdentifierKind.EmailAddress, IdentifierGuard.Find(email));
        Assert.Equal(IdentifierKind.EmailAddress, IdentifierGuard.Find($"svar skickat till {email} i går"));
    }

    [Theory]
    [MemberData(nameof(Phones))]
    public void Find_PhoneNumber_Found(string phone)
    {
        Assert.Equal(IdentifierKind.PhoneNumber, IdentifierGuard.Find(phone));
        Assert.Equal(IdentifierKind.PhoneNumber, IdentifierGuard.Find($"ring {phone} efter 13"));
    }

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void Find_LookAlike_NotFound(string text)
    {
        Assert.Null(IdentifierGuard.Find(text));
    }

    [Fact]
    public void Validate_IdentifierInCaseId_ErrorNamesFieldAndKindWithoutValue()
    {
        var number = IdentifierCorpus.PersonalIdentityNumbers(9, 1).Single();
        var e = new WireEvent
        {
            Id = "e-1", Type = EventTypes.CaseEscalated, Time = DateTimeOffset.UtcNow, Pilot = "demo", CaseId = "ärende " + number,
        };

        var errors = EventValidator.Validate(e, DateTimeOffset.UtcNow);

        var error = Assert.Single(errors!);
        Assert.StartsWith("caseId: looks like a personal identity number", error, StringComparison.Ordinal);
        Assert.DoesNotContain(number, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PseudonymShapedCaseIdAndUuidId_NotScanned()
    {
        // 64 hex digits (an HMAC) and a UUID may contain digit runs by chance; they cannot carry an identifier.
        var twelveDigits = IdentifierCorpus.PersonalIdentityNumbers(31, 4).Last(); // the 12-digit form without separator
        Assert.Equal(IdentifierKind.PersonalIdentityNumber, IdentifierGuard.Find(twelveDigits));
        var e = new WireEvent
        {
            Id = "01936f2c-7e31-7a41-8d47-" + twelveDigits, Type = EventTypes.CaseEscalated, Time = DateTimeOffset.UtcNow,
            Pilot = "demo", CaseId = "0701234567" + new string('a', 54),
        };

        Assert.Null(EventValidator.Validate(e, DateTimeOffset.UtcNow));
    }
}
