namespace EvalFramework.Contract;

/// <summary>The stable machine codes of <see cref="EventError.Code"/>.</summary>
public static class EventErrorCodes
{
    /// <summary>The field is missing.</summary>
    public const string Required = "required";

    /// <summary>The field does not have the required shape.</summary>
    public const string Invalid = "invalid";

    /// <summary>A number outside its bounds.</summary>
    public const string OutOfRange = "out_of_range";

    /// <summary>The field does not belong to the event's type.</summary>
    public const string UnknownField = "unknown_field";

    /// <summary>A value outside the pilot's closed vocabulary.</summary>
    public const string NotInVocabulary = "not_in_vocabulary";

    /// <summary>The value looks like a personal identifier.</summary>
    public const string PersonalIdentifier = "personal_identifier";
}
