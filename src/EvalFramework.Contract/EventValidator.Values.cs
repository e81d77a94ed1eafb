using System.Globalization;

namespace EvalFramework.Contract;

/// <summary>The value rules of wire contract v1 that other parts reuse: ids, slugs, plain text, times, pseudonyms.</summary>
public static partial class EventValidator
{
    /// <summary>The SDK's case pseudonym: 64 lower-case hex digits (HMAC-SHA256).</summary>
    public static bool IsPseudonym(string caseId) => caseId.Length == 64 && caseId.All(char.IsAsciiHexDigitLower);

    /// <summary>
    /// Reads an RFC 3339 time with an offset (<c>2025-03-01T09:30:00+01:00</c>, <c>2025-03-01T08:30:00Z</c>), the only
    /// form an event's <c>time</c> may have; nothing culture-dependent such as <c>12/03/2026</c>.
    /// </summary>
    public static bool TryParseTime(string? text, out DateTimeOffset value) => Rfc3339Converter.TryParse(text, out value);

    /// <summary>
    /// Reads a query bound: an RFC 3339 time with an offset, or a calendar date <c>yyyy-MM-dd</c> (its midnight UTC).
    /// Day/month orders such as <c>12/03/2026</c> are refused rather than guessed.
    /// </summary>
    public static bool TryParseDateOrTime(string? text, out DateTimeOffset value)
    {
        if (text is { Length: 10 }
            && DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            return true;
        }

        return Rfc3339Converter.TryParse(text, out value);
    }

    /// <summary>Event ids: 1–64 of <c>[A-Za-z0-9_-]</c>.</summary>
    public static bool IsEventId(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length is 0 or > 64)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Pilot slugs: <c>[a-z0-9][a-z0-9-]{0,62}</c>.</summary>
    public static bool IsPilotSlug(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length is 0 or > 63 || !IsLowerAlnum(value[0]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(IsLowerAlnum(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Other slugs (case types, arms, roles, …): <c>[a-z0-9][a-z0-9_-]*</c> of at most <paramref name="maxLength"/>.</summary>
    public static bool IsSlug(string value, int maxLength = 64)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0 || value.Length > maxLength || !IsLowerAlnum(value[0]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(IsLowerAlnum(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLowerAlnum(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);

    /// <summary>
    /// Free text holds no control characters, no invisible formatting characters (zero-width, bidi overrides and
    /// isolates, byte order mark, soft hyphen: Unicode category Cf), no line or paragraph separators and no lone
    /// surrogates: they could hide or reorder what a reader sees.
    /// </summary>
    public static bool IsPlainText(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c < 0x7F)
            {
                if (c < 0x20)
                {
                    return false;
                }

                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(value, i) == UnicodeCategory.Format)
                {
                    return false; // e.g. the tag characters U+E0001–U+E007F
                }

                i++;
                continue;
            }

            switch (char.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.Surrogate:
                    return false;
            }
        }

        return true;
    }
}
