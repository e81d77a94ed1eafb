using System.Text.RegularExpressions;

namespace EvalFramework.Contract;

/// <summary>The checks behind the patterns: e-mail addresses, identity and coordination numbers, phone numbers.</summary>
public static partial class IdentifierGuard
{
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
}
