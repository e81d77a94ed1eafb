using System.Globalization;
using System.Text.RegularExpressions;

namespace EvalFramework.Contract;

/// <summary>
/// Finds personal identifiers in text: Swedish personal identity and coordination numbers (10 or 12 digits with
/// <c>-</c>, <c>+</c> or no separator, a real date, a valid Luhn check digit), e-mail addresses and phone numbers
/// (Swedish national and international forms), also inside longer text. A candidate counts only where it stands
/// as a word of its own (not glued to other letters or digits), so hashes and order numbers pass; a number that
/// fails the date or the check digit passes too.
/// </summary>
public static partial class IdentifierGuard
{
    /// <summary>A human-readable name of the kind, for error messages.</summary>
    public static string Describe(IdentifierKind kind) => kind switch
    {
        IdentifierKind.PersonalIdentityNumber => "a personal identity number",
        IdentifierKind.CoordinationNumber => "a coordination number",
        IdentifierKind.EmailAddress => "an e-mail address",
        _ => "a phone number",
    };

    /// <summary>The first kind of identifier found in <paramref name="text"/>, or <see langword="null"/>.</summary>
    public static IdentifierKind? Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Contains('@') && EmailPattern().IsMatch(text))
        {
            return IdentifierKind.EmailAddress;
        }

        if (CountDigits(text) < 7)
        {
            return null;
        }

        foreach (Match match in IdentityNumberPattern().Matches(text))
        {
            if (ClassifyIdentityNumber(match.Groups["date"].Value, match.Groups["serial"].Value) is { } kind)
            {
                return kind;
            }
        }

        foreach (Match match in PhonePattern().Matches(text))
        {
            if (IsPhoneNumber(match.Value))
            {
                return IdentifierKind.PhoneNumber;
            }
        }

        return null;
    }

    /// <summary>Whether a 6- or 8-digit date and a 4-digit serial form a valid identity or coordination number.</summary>
    private static IdentifierKind? ClassifyIdentityNumber(string date, string serial)
    {
        var yymmdd = date.Length == 8 ? date[2..] : date;
        var month = int.Parse(yymmdd.AsSpan(2, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(yymmdd.AsSpan(4, 2), CultureInfo.InvariantCulture);
        var coordination = day > 60;
        if (coordination)
        {
            day -= 60;
        }

        var years = date.Length == 8
            ? [int.Parse(date.AsSpan(0, 4), CultureInfo.InvariantCulture)]
            : new[] { 1900, 2000 }.Select(c => c + int.Parse(yymmdd.AsSpan(0, 2), CultureInfo.InvariantCulture)).ToArray();
        var validDate = month is >= 1 and <= 12 && day >= 1
            && years.Any(y => y is >= 1800 and <= 2199 && day <= DateTime.DaysInMonth(y, month));
        if (!validDate || !LuhnValid(yymmdd + serial))
        {
            return null;
        }

        return coordination ? IdentifierKind.CoordinationNumber : IdentifierKind.PersonalIdentityNumber;
    }

    /// <summary>The Luhn (mod 10) check over the ten digits YYMMDDNNNC.</summary>
    private static bool LuhnValid(string tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < tenDigits.Length; i++)
        {
            var d = (tenDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }

        return sum % 10 == 0;
    }

    private static bool IsPhoneNumber(string candidate)
    {
        var digits = CountDigits(candidate);
        if (candidate.StartsWith('+'))
        {
            return digits is >= 8 and <= 15;
        }

        if (candidate.StartsWith("00", StringComparison.Ordinal))
        {
            return digits - 2 is >= 8 and <= 13;
        }

        // Swedish national form: trunk 0, area code, subscriber number; 8–10 digits in all.
        return digits is >= 8 and <= 10;
    }

    private static int CountDigits(string text)
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

    [GeneratedRegex(@"(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<date>\d{8}|\d{6})[-+]?(?<serial>\d{4})(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex IdentityNumberPattern();

    // International: + or 00 and digits in groups separated by single spaces, dashes or brackets.
    // National: 0, area code, an optional dash or space, then the subscriber number, 5–8 digits in one run or in
    // groups of 2–3 split by single spaces (so dates such as 01-02-2025 and codes such as 0815-4711 are not phones).
    // A bare 10-digit run starting with 0 counts as a phone number: privacy wins that tie.
    [GeneratedRegex(@"(?<![\p{L}\p{N}+])(?:(?:\+|00)[1-9](?:[ ()-]{0,2}\d){6,16}|0[1-9]\d{0,3}[- ]?(?:\d{5,8}|\d{2,3}(?: \d{2,3}){1,3}))(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
