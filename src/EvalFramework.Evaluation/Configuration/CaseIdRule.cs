namespace EvalFramework.Evaluation.Configuration;

/// <summary>What a pilot's <c>caseId</c> values must look like (<c>caseIds</c> in the pilot's config).</summary>
public enum CaseIdRule
{
    /// <summary>
    /// <c>pseudonym</c> (the default): 64 lower-case hex digits, the HMAC-SHA256 pseudonym the SDK makes of a case
    /// reference; anything else is refused.
    /// </summary>
    Pseudonym,

    /// <summary>
    /// <c>any</c>: 1–128 characters of free text, checked by the identifier guard; for pilots that make their own
    /// pseudonyms some other way.
    /// </summary>
    Any,
}
