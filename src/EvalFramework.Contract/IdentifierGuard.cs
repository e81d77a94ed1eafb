using System.Buffers;
using System.Text.RegularExpressions;

namespace EvalFramework.Contract;

/// <summary>
/// Finds personal identifiers in text: Swedish personal identity and coordination numbers (10 or 12 digits, a real
/// date, a valid Luhn check digit), e-mail addresses and phone numbers (Swedish national and international forms),
/// also inside longer text. It never throws.
/// <para>
/// The text is normalised first, so that look-alike characters cannot hide an identifier: percent escapes and HTML
/// character references are decoded, then NFKC (full-width letters, digits and <c>＠</c>), every Unicode decimal digit
/// becomes its ASCII digit, every dash a <c>-</c>, every space a space, and invisible formatting characters (zero-width,
/// bidi controls, soft hyphen) are dropped. Between the date and the serial of an identity number any of space, dash,
/// dot, slash or underscore may stand; phone numbers may be split by spaces, dashes, dots, slashes and parentheses;
/// e-mail addresses are also found without a top-level domain (<c>anna@localhost</c>) and written as <c>(at)</c>,
/// <c>[at]</c>, <c>(a)</c>, <c> at </c>, <c>[dot]</c>.
/// </para>
/// <para>
/// In free text (<see cref="Find(string?)"/>) a number may also be glued to letters (<c>xYYMMDDNNNN</c>, <c>ärendeYYMMDD-NNNN</c>),
/// except inside a hash-like word (16 or more hex digits) or a UUID, so pseudonyms and commit ids pass; the digit
/// groups of a UUID that has a hex letter are not taken for phone numbers (an identity number in one is still found).
/// In a slug (<see cref="FindInSlug"/>) letters and underscores separate words too. A number that fails the date or
/// the check digit passes.
/// </para>
/// </summary>
public static partial class IdentifierGuard
{
    private static readonly SearchValues<char> AsciiDigits = SearchValues.Create("0123456789");
    private static readonly SearchValues<char> AsciiDigitsAndDash = SearchValues.Create("0123456789-");

    /// <summary>A human-readable name of the kind, for error messages.</summary>
    public static string Describe(IdentifierKind kind) => kind switch
    {
        IdentifierKind.PersonalIdentityNumber => "a personal identity number",
        IdentifierKind.CoordinationNumber => "a coordination number",
        IdentifierKind.EmailAddress => "an e-mail address",
        _ => "a phone number",
    };

    /// <summary>The first kind of identifier found in free <paramref name="text"/>, or <see langword="null"/>.</summary>
    public static IdentifierKind? Find(string? text) => Find(text, slug: false);

    /// <summary>
    /// The first kind of identifier found in a slug (a case type, an arm, an attribute key, …), where letters and
    /// underscores separate numbers as spaces do; or <see langword="null"/>.
    /// </summary>
    public static IdentifierKind? FindInSlug(string? slug) => Find(slug, slug: true);

    private static IdentifierKind? Find(string? text, bool slug)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (IsHexUuid(text))
        {
            return FindInHexUuid(text);
        }

        var normal = Normalise(text);
        var found = Scan(normal, slug, glued: false);
        if (found is not null || slug)
        {
            return found;
        }

        // Free text, again as a slug: a number glued to letters ("xYYMMDDNNNN", "ärendeYYMMDD-NNNN") counts too, except
        // inside a hash-like word (16 or more hex digits, such as a pseudonym or a commit id), which it can only be by chance.
        // A glued phone number must be written in three groups or more (070-123 45 67): a glued run of digits, or two
        // groups (t071234-12 in a reference made of a hex token and a counter), is as likely not a phone number.
        var withoutHashes = UuidPattern().Replace(HashLikeWord().Replace(normal, " "), " ").Replace('_', ' ');
        return Scan(withoutHashes, slug: true, glued: true);
    }

    /// <param name="normal">Normalised text.</param>
    /// <param name="slug">Whether letters and underscores separate numbers.</param>
    /// <param name="glued">Free text read as a slug: phone numbers count only when written in groups.</param>
    private static IdentifierKind? Scan(string normal, bool slug, bool glued)
    {
        if (HasEmailAddress(normal))
        {
            return IdentifierKind.EmailAddress;
        }

        if (CountDigits(normal) < 8)
        {
            return null;
        }

        if (HasDigitRun(normal, 6))
        {
            var identityNumbers = slug ? SlugIdentityNumberPattern() : IdentityNumberPattern();
            foreach (Match match in identityNumbers.Matches(normal))
            {
                if (ClassifyIdentityNumber(match.Groups["date"].ValueSpan, match.Groups["serial"].ValueSpan) is { } kind)
                {
                    return kind;
                }
            }
        }

        // A number written in small groups with one kind of separator: YY.MM.DD.NN.NN, YYM MDD NNNN, Y Y M M D D N N N N,
        // 0 7 0 1 2 3 4 5 6 7 (one kind, so that times and dates such as 2025-03-01 09:30:00 are not read as one number).
        Span<char> digits = stackalloc char[12];
        foreach (Match match in (slug ? SlugDigitGroupsPattern() : DigitGroupsPattern()).Matches(normal))
        {
            var length = 0;
            foreach (var c in match.ValueSpan)
            {
                if (char.IsAsciiDigit(c) && length++ < digits.Length)
                {
                    digits[length - 1] = c;
                }
            }

            if (length is 10 or 12 && ClassifyIdentityNumber(digits[..(length - 4)], digits[(length - 4)..length]) is { } grouped)
            {
                return grouped;
            }

            if (length == 10 && digits.StartsWith("07"))
            {
                return IdentifierKind.PhoneNumber; // a Swedish mobile number
            }
        }

        var phones = slug ? SlugPhonePattern() : PhonePattern();
        var phoneText = slug || !normal.Contains('-', StringComparison.Ordinal) ? normal : UuidPattern().Replace(normal, BlankHexUuid);
        if (!ReferenceEquals(phoneText, normal) && CountDigits(phoneText) < 8)
        {
            return null;
        }

        foreach (Match match in phones.Matches(phoneText))
        {
            // Separators in the match, a leading + aside.
            if (IsPhoneNumber(match.ValueSpan) && (!glued || match.ValueSpan.TrimStart('+').Length - CountDigits(match.ValueSpan) >= 2))
            {
                return IdentifierKind.PhoneNumber;
            }
        }

        return null;
    }

    /// <summary>Whether the whole text is a UUID (8-4-4-4-12 hex digits) holding at least one hex letter.</summary>
    private static bool IsHexUuid(string text)
    {
        if (text.Length != 36 || text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-')
        {
            return false;
        }

        var letter = false;
        for (var i = 0; i < 36; i++)
        {
            if (i is 8 or 13 or 18 or 23)
            {
                continue;
            }

            var c = text[i];
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }

            letter |= !char.IsAsciiDigit(c);
        }

        return letter;
    }

    /// <summary>
    /// What the general rules find in a UUID holding a hex letter, without regular expressions: an identity number
    /// in its first two groups (YYYYMMDD-NNNN) or its last (twelve digits); its groups are not taken for phone numbers.
    /// </summary>
    private static IdentifierKind? FindInHexUuid(string uuid)
    {
        var text = uuid.AsSpan();
        if (!text[..13].ContainsAnyExcept(AsciiDigitsAndDash) && ClassifyIdentityNumber(text[..8], text[9..13]) is { } first)
        {
            return first;
        }

        var last = text[24..];
        return last.ContainsAnyExcept(AsciiDigits) ? null : ClassifyIdentityNumber(last[..8], last[8..]);
    }
}
