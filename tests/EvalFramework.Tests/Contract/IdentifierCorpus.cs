using System.Globalization;

namespace EvalFramework.Tests.Contract;

/// <summary>Generated identifiers (valid by construction) and look-alikes that must pass.</summary>
public static class IdentifierCorpus
{
    /// <summary>Valid personal identity numbers in every format, from a seeded generator.</summary>
    public static IEnumerable<string> PersonalIdentityNumbers(int seed, int count, bool coordination = false)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var born = new DateTime(1925, 1, 1).AddDays(random.Next(0, 365 * 98));
            var day = born.Day + (coordination ? 60 : 0);
            var serial = random.Next(0, 1000).ToString("000", CultureInfo.InvariantCulture);
            var yymmdd = born.ToString("yyMM", CultureInfo.InvariantCulture) + day.ToString("00", CultureInfo.InvariantCulture);
            var check = LuhnCheckDigit(yymmdd + serial);
            var century = born.ToString("yyyy", CultureInfo.InvariantCulture)[..2];
            yield return (i % 5) switch
            {
                0 => $"{yymmdd}-{serial}{check}",
                1 => $"{yymmdd}{serial}{check}",
                2 => $"{century}{yymmdd}-{serial}{check}",
                3 => $"{century}{yymmdd}{serial}{check}",
                _ => $"{yymmdd}+{serial}{check}",
            };
        }
    }

    public static IEnumerable<string> EmailAddresses =>
    [
        "anna.andersson@example.se", "kalle+bygglov@kommun.example.org", "ÅSA_öberg@exempel.se", "x@y.io",
    ];

    public static IEnumerable<string> PhoneNumbers =>
    [
        "070-123 45 67", "0701234567", "070 123 45 67", "08-123 456 78", "08-12 34 56", "031-712 34 56",
        "+46 70 123 45 67", "+46701234567", "+46 (0)70-123 45 67", "0046 70 123 45 67", "+1 415 555 2671", "+44 20 7946 0958",
    ];

    /// <summary>Things that look like identifiers but are not: wrong check digit, impossible date, orders, dates, hashes.</summary>
    public static IEnumerable<string> LookAlikes(int seed)
    {
        foreach (var valid in PersonalIdentityNumbers(seed, 20))
        {
            // Change the check digit: the Luhn check fails.
            var last = valid[^1] - '0';
            var lookAlike = valid[..^1] + ((last + 1) % 10).ToString(CultureInfo.InvariantCulture);
            if (!(lookAlike.StartsWith('0') && lookAlike.All(char.IsAsciiDigit)))
            {
                // (A bare 10-digit run starting with 0 is also a Swedish phone number, refused as such.)
                yield return lookAlike;
            }
        }

        yield return "901301-1230"; // month 13
        yield return "900230-1234"; // 30 February
        yield return "19900001-1234"; // month 0
        yield return "ORD-2025-004711";
        yield return "0815-4711";
        yield return "2025-03-01";
        yield return "01-02-2025";
        yield return "2025-03-01T09:30:00+01:00";
        yield return "20250301";
        yield return "invoice 1234567890123456";
        yield return "114 55 Stockholm";
        yield return "3f1c0701234567ab99e2d1c0a8b7f6e5d4c3b2a1908f7e6d5c4b3a2918070605";
        yield return "building-permit-question";
        yield return "version 1.20.1";
        yield return "a@b";
    }

    private static int LuhnCheckDigit(string nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < nineDigits.Length; i++)
        {
            var d = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }

        return (10 - (sum % 10)) % 10;
    }
}
