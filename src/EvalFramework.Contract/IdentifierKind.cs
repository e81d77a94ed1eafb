namespace EvalFramework.Contract;

/// <summary>Kinds of personal identifier the <see cref="IdentifierGuard"/> refuses.</summary>
public enum IdentifierKind
{
    /// <summary>A Swedish personal identity number (personnummer), 10 or 12 digits, valid date and check digit.</summary>
    PersonalIdentityNumber,

    /// <summary>A Swedish coordination number (samordningsnummer): a personal identity number with day + 60.</summary>
    CoordinationNumber,

    /// <summary>An e-mail address.</summary>
    EmailAddress,

    /// <summary>A phone number, Swedish national or international form.</summary>
    PhoneNumber,
}
