using System.Text.RegularExpressions;

namespace EvalFramework.Contract;

/// <summary>The bounded regular expressions the guard searches with.</summary>
public static partial class IdentifierGuard
{
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
