namespace EvalFramework.Contract;

/// <summary>
/// One problem with an event: the field it concerns, a stable machine <see cref="Code"/> (see
/// <see cref="EventErrorCodes"/>) and a message for people. The message never echoes the offending value.
/// </summary>
/// <param name="Field">The wire field, e.g. <c>caseType</c> or <c>attributes.channel</c> (<c>events[3].caseType</c> where the batch position matters).</param>
/// <param name="Code">One of <see cref="EventErrorCodes"/>.</param>
/// <param name="Message">What is wrong, without the field's name.</param>
public sealed record EventError(string Field, string Code, string Message)
{
    /// <summary>The error as contract v1 answers it: <c>field: message</c>.</summary>
    public override string ToString() => Field + ": " + Message;
}
