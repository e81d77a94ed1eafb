using System.Buffers;
using System.Globalization;
using System.Text;
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
/// In free text (<see cref="Find(string?)"/>) a number may also be glued to letters (<c>x8112189876</c>, <c>ärende811218-9876</c>),
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

        // Free text, again as a slug: a number glued to letters ("x8112189876", "ärende811218-9876") counts too, except
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

        // A number written in small groups with one kind of separator: 81.12.18.98.76, 811 218 9876, 8 1 1 2 1 8 9 8 7 6,
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

    /// <summary>
    /// Decodes escapes, applies NFKC, maps every decimal digit to ASCII, every dash to <c>-</c> and every space to a
    /// space, and drops formatting characters; a lone surrogate becomes U+FFFD.
    /// </summary>
    internal static string Normalise(string text)
    {
        // Twice, so a double escape (%2540) is decoded too.
        for (var i = 0; i < 2 && text.Contains('%', StringComparison.Ordinal); i++)
        {
            text = DecodePercentEscapes(text);
        }

        if (text.Contains('&', StringComparison.Ordinal))
        {
            text = CharacterReferencePattern().Replace(text, DecodeCharacterReference);
        }

        if (!Ascii.IsValid(text) && NeedsUnicodeWork(text))
        {
            text = NormaliseUnicode(text);
        }

        return text;
    }

    /// <summary>Whether non-ASCII text holds anything the Unicode pass would change (most letters need nothing).</summary>
    private static bool NeedsUnicodeWork(string text)
    {
        foreach (var c in text)
        {
            if (c >= 0x80)
            {
                switch (char.GetUnicodeCategory(c))
                {
                    case UnicodeCategory.DecimalDigitNumber:
                    case UnicodeCategory.DashPunctuation:
                    case UnicodeCategory.SpaceSeparator:
                    case UnicodeCategory.Format:
                    case UnicodeCategory.Surrogate:
                    case UnicodeCategory.OtherNotAssigned:
                    case UnicodeCategory.MathSymbol:
                    case UnicodeCategory.NonSpacingMark:
                    case UnicodeCategory.EnclosingMark:
                    case UnicodeCategory.OtherNumber:
                    case UnicodeCategory.OtherLetter when IsBlankFiller(c):
                    case UnicodeCategory.OtherSymbol when IsBlankFiller(c):
                        return true;
                }
            }
        }

        try
        {
            return !text.IsNormalized(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static string NormaliseUnicode(string text)
    {
        var builder = new StringBuilder(text.Length);
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            Rune.DecodeFromUtf16(rest, out var rune, out var consumed); // an invalid sequence yields U+FFFD
            builder.Append(rune.ToString());
            rest = rest[consumed..];
        }

        var composed = builder.ToString();
        try
        {
            composed = composed.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Not normalisable (should not happen once lone surrogates are replaced): map what is there.
        }

        builder.Clear();
        rest = composed.AsSpan();
        while (!rest.IsEmpty)
        {
            Rune.DecodeFromUtf16(rest, out var rune, out var consumed);
            rest = rest[consumed..];
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Format:
                case UnicodeCategory.NonSpacingMark: // left over after NFKC: a combining grapheme joiner, a variation selector
                case UnicodeCategory.EnclosingMark: // a keycap
                    break;
                case UnicodeCategory.OtherNumber when CharUnicodeInfo.GetDigitValue(rune.ToString(), 0) is >= 0 and <= 9:
                    builder.Append((char)('0' + CharUnicodeInfo.GetDigitValue(rune.ToString(), 0))); // ❽, ➇
                    break;
                case UnicodeCategory.OtherLetter or UnicodeCategory.OtherSymbol when rune.IsBmp && IsBlankFiller((char)rune.Value):
                    builder.Append(' '); // Hangul fillers and the blank braille pattern look like a space
                    break;
                case UnicodeCategory.DecimalDigitNumber:
                    builder.Append((char)('0' + (int)Rune.GetNumericValue(rune)));
                    break;
                case UnicodeCategory.DashPunctuation:
                    builder.Append('-');
                    break;
                case UnicodeCategory.SpaceSeparator:
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(rune.Value == 0x2212 ? "-" : rune.ToString()); // the minus sign
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Letters and symbols that show as blank space.</summary>
    private static bool IsBlankFiller(char c) => c is '\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800';

    /// <summary>Decodes <c>%HH</c> where it stands for a printable ASCII character (<c>%40</c> is <c>@</c>).</summary>
    private static string DecodePercentEscapes(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                var value = (HexValue(text[i + 1]) * 16) + HexValue(text[i + 2]);
                if (value is >= 0x20 and <= 0x7E)
                {
                    builder.Append((char)value);
                    i += 2;
                    continue;
                }
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static string DecodeCharacterReference(Match match)
    {
        var name = match.Groups["name"];
        if (name.Success)
        {
            return name.Value.ToLowerInvariant() switch
            {
                "commat" => "@",
                "period" => ".",
                "nbsp" => " ",
                _ => "-",
            };
        }

        var hex = match.Groups["hex"];
        var value = 0;
        foreach (var c in hex.Success ? hex.ValueSpan : match.Groups["dec"].ValueSpan)
        {
            value = hex.Success ? (value * 16) + HexValue(c) : (value * 10) + (c - '0');
        }

        return Rune.IsValid(value) ? char.ConvertFromUtf32(value) : match.Value;
    }

    /// <summary>A UUID holding a hex letter becomes a space: its digit groups are not phone numbers.</summary>
    private static string BlankHexUuid(Match match) =>
        match.ValueSpan.ContainsAnyExcept(AsciiDigitsAndDash) ? " " : match.Value;

    private static bool HasEmailAddress(string text)
    {
        if (text.Contains('@', StringComparison.Ordinal) && UnusualEmailPattern().IsMatch(text))
        {
            return true; // "anna svensson"@example.se, anna@[192.168.0.1]
        }

        if (text.Contains('@', StringComparison.Ordinal) && (EmailPattern().IsMatch(text) || LocalEmailPattern().IsMatch(text)))
        {
            return true;
        }

        // Obfuscated in brackets: anna(at)example.se, anna [at] example [dot] se, anna(a)kommun.se.
        var unbracketed = text;
        if (text.AsSpan().IndexOfAny("([{<") >= 0)
        {
            unbracketed = BracketedDotPattern().Replace(BracketedAtPattern().Replace(text, "@"), ".");
            if (!ReferenceEquals(unbracketed, text) && unbracketed.Contains('@', StringComparison.Ordinal)
                && (EmailPattern().IsMatch(unbracketed) || LocalEmailPattern().IsMatch(unbracketed)))
            {
                return true;
            }
        }

        // Spelled out or spaced: anna at example dot se, anna @ example.se. Only with a domain and a top-level domain,
        // so that prose ("meeting at 10.30", "1 @ 100 kr") passes.
        if (!unbracketed.Contains('@', StringComparison.Ordinal) && !unbracketed.Contains(" at ", StringComparison.OrdinalIgnoreCase)
            && !unbracketed.Contains("-at-", StringComparison.OrdinalIgnoreCase) && !unbracketed.Contains("snabel", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var spelled = SpelledDotPattern().Replace(SpelledAtPattern().Replace(unbracketed, "@"), ".");
        if (!spelled.Contains('@', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (Match match in EmailPattern().Matches(spelled))
        {
            if (!match.Groups["domain"].ValueSpan.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a 6- or 8-digit date and a 4-digit serial (ASCII digits) form a valid identity or coordination number.</summary>
    private static IdentifierKind? ClassifyIdentityNumber(ReadOnlySpan<char> date, ReadOnlySpan<char> serial)
    {
        var yymmdd = date.Length == 8 ? date[2..] : date;
        var month = TwoDigits(yymmdd, 2);
        var day = TwoDigits(yymmdd, 4);
        var coordination = day > 60;
        if (coordination)
        {
            day -= 60;
        }

        bool ValidIn(int year) => year is >= 1800 and <= 2199 && day <= DateTime.DaysInMonth(year, month);
        var validDate = month is >= 1 and <= 12 && day >= 1 && (date.Length == 8
            ? ValidIn((TwoDigits(date, 0) * 100) + TwoDigits(date, 2))
            : ValidIn(1900 + TwoDigits(yymmdd, 0)) || ValidIn(2000 + TwoDigits(yymmdd, 0)));
        if (!validDate || !LuhnValid(yymmdd, serial))
        {
            return null;
        }

        return coordination ? IdentifierKind.CoordinationNumber : IdentifierKind.PersonalIdentityNumber;
    }

    private static int TwoDigits(ReadOnlySpan<char> digits, int at) => ((digits[at] - '0') * 10) + (digits[at + 1] - '0');

    /// <summary>The Luhn (mod 10) check over the ten digits YYMMDDNNNC.</summary>
    private static bool LuhnValid(ReadOnlySpan<char> yymmdd, ReadOnlySpan<char> serial)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var d = ((i < 6 ? yymmdd[i] : serial[i - 6]) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }

        return sum % 10 == 0;
    }

    private static bool IsPhoneNumber(ReadOnlySpan<char> candidate)
    {
        var digits = CountDigits(candidate);
        if (candidate[0] == '+')
        {
            return digits is >= 8 and <= 15;
        }

        if (candidate.StartsWith("00", StringComparison.Ordinal))
        {
            return digits - 2 is >= 8 and <= 13;
        }

        if (candidate.StartsWith("46", StringComparison.Ordinal))
        {
            // Sweden's country code without + or 00, then the national number without its trunk 0.
            return digits is >= 9 and <= 11;
        }

        // Swedish national form: trunk 0, area code, subscriber number; 8–10 digits in all.
        return digits is >= 8 and <= 10;
    }

    /// <summary>Whether <paramref name="text"/> holds <paramref name="length"/> ASCII digits in a row (an identity number's date does).</summary>
    private static bool HasDigitRun(ReadOnlySpan<char> text, int length)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run == length)
            {
                return true;
            }
        }

        return false;
    }

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                count++;
            }
        }

        return count;
    }

    // Every quantifier is bounded (the lengths RFC 5321 allows), so no input makes a pattern backtrack beyond linear time.
    private const string EmailBody = @"[\p{L}\p{N}._%+-]{1,64}@(?<domain>[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,63})";

    private const string IdentityNumber = @"(?<date>[0-9]{8}|[0-9]{6})(?:[-+]|[^\p{L}\p{N}\r\n]{1,3})?(?<serial>[0-9]{4})";

    // International: + or 00 and digits in groups separated by up to two of space, dash, dot, slash or brackets.
    // Swedish without + or 00: 46, an optional (0), then the national number without its trunk 0.
    // National: 0 and the area code (or the two in brackets), an optional separator, then the subscriber number, 5–8
    // digits in one run or in groups of 2–3 split by one kind of separator (space, dot, slash or dash), so that dates such as
    // 01-02-2025, times such as 09.30–10.15 and codes such as 0815-4711 are not phones. A bare 10-digit run starting
    // with 0 counts: privacy wins that tie.
    private const string Phone =
        @"(?:(?:\+|00)[1-9](?:[ ()./-]{0,2}[0-9]){6,16}"
        + @"|46[ ./-]{0,2}(?:\(0\)[ ./-]{0,2})?[1-9](?:[ ./-]{0,2}[0-9]){6,8}"
        + @"|(?:\(0[1-9][0-9]{0,3}\) ?|0[1-9][0-9]{0,3}(?: ?[./-] ?|[ ./-])?)(?:[0-9]{5,8}|[0-9]{2,3}(?<group>[ ./-])[0-9]{2,3}(?:\k<group>[0-9]{2,3}){0,2}))";

    [GeneratedRegex(EmailBody + @"(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    /// <summary>An address with a quoted local part or an IP-literal domain.</summary>
    [GeneratedRegex(@"""[^""\r\n]{1,64}""\s{0,3}@\s{0,3}[\p{L}\p{N}\[]|[\p{L}\p{N}._%+-]{1,64}@\[[0-9a-fA-F.:]{2,45}\]", RegexOptions.CultureInvariant)]
    private static partial Regex UnusualEmailPattern();

    /// <summary>An address without a top-level domain (anna@localhost): a host of at least two characters, starting with a letter.</summary>
    [GeneratedRegex(@"[\p{L}\p{N}._%+-]{1,64}@\p{L}[\p{L}\p{N}-]{1,62}", RegexOptions.CultureInvariant)]
    private static partial Regex LocalEmailPattern();

    // "(a)" only between letters or digits: spaced, it is a list marker.
    [GeneratedRegex(@"(?<!\s)\s{0,3}[(\[{<]\s{0,3}(?:at|@|snabel-?a)\s{0,3}[)\]}>]\s{0,3}|(?<=[\p{L}\p{N}])[(\[]a[)\]](?=[\p{L}\p{N}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BracketedAtPattern();

    [GeneratedRegex(@"(?<!\s)\s{0,3}[(\[{<]\s{0,3}(?:dot|punkt|period)\s{0,3}[)\]}>]\s{0,3}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BracketedDotPattern();

    [GeneratedRegex(@"(?<!\s)(?:\s{1,3}(?:at|snabel-?a)\s{1,3}|-(?:at|snabel-?a)-|\s{0,3}@\s{0,3})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SpelledAtPattern();

    [GeneratedRegex(@"(?<!\s)(?:\s{1,3}(?:dot|punkt)\s{1,3}|\s{1,3}\.\s{1,3})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SpelledDotPattern();

    [GeneratedRegex(@"&#(?:(?<dec>[0-9]{1,7})|[xX](?<hex>[0-9a-fA-F]{1,6}));?|&(?<name>commat|period|hyphen|dash|nbsp);", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CharacterReferencePattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])[0-9a-fA-F]{16,}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex HashLikeWord();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex UuidPattern();

    private const string DigitGroups = @"[0-9]{1,3}(?<sep>[^\p{L}\p{N}\r\n]{1,3})[0-9]{1,3}(?:\k<sep>[0-9]{1,3}){0,9}\k<sep>[0-9]{1,4}";

    [GeneratedRegex(@"(?<![\p{L}\p{N}])" + DigitGroups + @"(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex DigitGroupsPattern();

    [GeneratedRegex("(?<![0-9])" + DigitGroups + "(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex SlugDigitGroupsPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])" + IdentityNumber + @"(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex IdentityNumberPattern();

    [GeneratedRegex("(?<![0-9])" + IdentityNumber + "(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex SlugIdentityNumberPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}+])" + Phone + @"(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(?<![0-9+])" + Phone + "(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPhonePattern();
}
