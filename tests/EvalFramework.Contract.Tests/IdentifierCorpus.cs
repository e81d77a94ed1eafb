using System.Globalization;
using System.Text.RegularExpressions;

namespace EvalFramework.Contract.Tests;

/// <summary>Generated identifiers (valid by construction) and look-alikes that must pass.</summary>
public static class IdentifierCorpus
{
    /// <summary>Valid personal identity numbers in every format, from a seeded generator.</summary>
    public static IEnumerable<string> PersonalIdentityNumbers(int seed, int count, bool coordination = false)
    {
        var i = 0;
        foreach (var (century, yymmdd, serial) in IdentityNumberParts(seed, count, coordination))
        {
            yield return (i++ % 5) switch
            {
                0 => $"{yymmdd}-{serial}",
                1 => $"{yymmdd}{serial}",
                2 => $"{century}{yymmdd}-{serial}",
                3 => $"{century}{yymmdd}{serial}",
                _ => $"{yymmdd}+{serial}",
            };
        }
    }

    /// <summary>One generated identity number, for tests that write a single one into a pattern (<see cref="WithExample"/>).</summary>
    public static (string Century, string Date, string Serial) Example { get; } = IdentityNumberParts(1981, 1).First();

    /// <summary>
    /// <paramref name="pattern"/> with the parts of <see cref="Example"/> written in: <c>{century}</c>, <c>{date}</c> (YYMMDD),
    /// <c>{serial}</c> (with its check digit), <c>{badserial}</c> (the serial with a wrong check digit), <c>{c0}</c> and
    /// <c>{c1}</c> the century's digits, <c>{0}</c>…<c>{9}</c> the ten digits of date and serial one by one, and
    /// <c>{dingbats}</c> date-serial in negative circled digits. Tests write where an identity number goes, never a number
    /// of their own.
    /// </summary>
    public static string WithExample(string pattern)
    {
        var (century, date, serial) = Example;
        var digits = date + serial;
        return Regex.Replace(pattern, @"\{(century|date|serial|badserial|dingbats|c[01]|[0-9])\}", m => m.Groups[1].Value switch
        {
            "century" => century,
            "date" => date,
            "serial" => serial,
            "badserial" => serial[..3] + ((serial[3] - '0' + 1) % 10).ToString(CultureInfo.InvariantCulture),
            "dingbats" => Dingbats(date) + "-" + Dingbats(serial),
            "c0" => century[..1],
            "c1" => century[1..],
            var d => digits[d[0] - '0'].ToString(),
        });
    }

    /// <summary>Digits as dingbat negative circled digits (❶–❾ for 1–9, ⓿ for 0).</summary>
    private static string Dingbats(string digits) =>
        string.Concat(digits.Select(d => d == '0' ? "\u24FF" : ((char)('\u2776' + (d - '1'))).ToString()));

    /// <summary>The parts of valid identity numbers: century (two digits), date YYMMDD and serial with its check digit.</summary>
    public static IEnumerable<(string Century, string Date, string Serial)> IdentityNumberParts(int seed, int count, bool coordination = false)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var born = new DateTime(1925, 1, 1).AddDays(random.Next(0, 365 * 98));
            var day = born.Day + (coordination ? 60 : 0);
            var serial = random.Next(0, 1000).ToString("000", CultureInfo.InvariantCulture);
            var yymmdd = born.ToString("yyMM", CultureInfo.InvariantCulture) + day.ToString("00", CultureInfo.InvariantCulture);
            var check = LuhnCheckDigit(yymmdd + serial);
            yield return (born.ToString("yyyy", CultureInfo.InvariantCulture)[..2], yymmdd, serial + check.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Separators a writer (or a word processor) may put between the date and the serial.</summary>
    public static readonly string[] Separators =
    [
        " ", "\u00A0", "\u2009", " - ", "\u2010", "\u2011", "\u2013", "\u2014", "\u2212", "\uFE63", "\uFF0D", ".", "/", "_",
    ];

    /// <summary>Zeros of decimal-digit scripts other than ASCII; each script's digits follow its zero.</summary>
    public static readonly int[] DigitZeros =
    [
        0x0660, // Arabic-Indic
        0x06F0, // Extended Arabic-Indic (Persian)
        0x0966, // Devanagari
        0x09E6, // Bengali
        0x0E50, // Thai
        0xFF10, // full-width
        0x1D7CE, // mathematical bold (outside the BMP)
        0x1E950, // Adlam (outside the BMP, left alone by NFKC)
    ];

    /// <summary>Writes the ASCII digits of <paramref name="text"/> in the script whose zero is <paramref name="zero"/>.</summary>
    public static string InScript(string text, int zero)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiDigit(c) ? char.ConvertFromUtf32(zero + (c - '0')) : c.ToString());
        }

        return builder.ToString();
    }

    /// <summary>
    /// Identity numbers hidden from a plain pattern: every separator between date and serial, digits of other
    /// scripts, invisible characters inside, in both the 10- and the 12-digit form.
    /// </summary>
    public static IEnumerable<string> HiddenIdentityNumbers(int seed, bool coordination = false)
    {
        var i = 0;
        foreach (var (century, date, serial) in IdentityNumberParts(seed, Separators.Length + DigitZeros.Length + 4, coordination))
        {
            var full = (i % 2 == 0 ? "" : century) + date;
            if (i < Separators.Length)
            {
                yield return full + Separators[i] + serial;
            }
            else if (i < Separators.Length + DigitZeros.Length)
            {
                yield return InScript(full + (i % 3 == 0 ? "" : "-") + serial, DigitZeros[i - Separators.Length]);
            }
            else
            {
                var invisible = new[] { "\u200B", "\u200D", "\u2060", "\u00AD" }[i - Separators.Length - DigitZeros.Length];
                yield return full[..4] + invisible + full[4..] + "-" + serial[..2] + invisible + serial[2..];
            }

            i++;
        }
    }

    /// <summary>E-mail addresses written so that a plain pattern misses them.</summary>
    public static IEnumerable<string> HiddenEmailAddresses =>
    [
        "anna.svensson@localhost", "anna.svensson@kommunen", "anna(at)example.se", "anna (at) example.se", "anna[at]example.se",
        "anna [at] example [dot] se", "anna{at}example.se", "anna(a)example.se", "anna AT example DOT se", "anna at example.se",
        "anna\uFF20example.se", "anna\uFE6Bexample.se", "anna%40example.se", "anna%40example%2Ese", "anna@example[dot]se",
        "anna(at)example(dot)se", "anna&#64;example.se", "anna&commat;example.se", "\uFF41\uFF4E\uFF4E\uFF41\uFF20\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45\uFF0E\uFF53\uFF45",
        "anna@\u200Bexample.se", "anna.svensson\u00A0@\u00A0example.se",
    ];

    /// <summary>Phone numbers written so that a plain pattern misses them.</summary>
    public static IEnumerable<string> HiddenPhoneNumbers =>
    [
        "070.123.45.67", "(070) 123 45 67", "(070)1234567", "070/1234567", "08/123 456 78", "46701234567", "46 70 123 45 67",
        "070\u2013123 45 67", "070\u00A0123\u00A045\u00A067", "\u0660\u0667\u0660-\u0661\u0662\u0663\u0664\u0665\u0666\u0667",
        "\uFF10\uFF17\uFF10\uFF0D\uFF11\uFF12\uFF13 \uFF14\uFF15 \uFF16\uFF17", "+46\u2009(0)70-123 45 67", "0046.70.123.45.67",
        "+46.70.123.45.67", "070\u200B1234567", "+46/70/1234567",
    ];

    /// <summary>Identifiers in slug shape: glued to letters, split by underscores, a country code without +.</summary>
    public static IEnumerable<string> SlugIdentifiers =>
    [
        .. new[] { "x{date}{serial}", "{date}_{serial}", "{century}{date}_{serial}", "case-x{date}-{serial}", "x{century}{date}{serial}y" }
            .Select(WithExample),
        "46701234567", "ref_0701234567", "t0701234567x", "tel-46-70-123-45-67",
    ];

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

    /// <summary>
    /// What must pass the hardened guard: hashes and UUIDs of random hex, test ids, times, dates, amounts, versions,
    /// and prose with a lone "at".
    /// </summary>
    public static IEnumerable<string> NewLookAlikes(int seed, int count = 300)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return Hex(random, 64);
            yield return RandomUuid(random, version7: false);
            yield return RandomUuid(random, version7: true);
            yield return "ev" + random.Next(1, 100_000).ToString(CultureInfo.InvariantCulture) + "x" + Hex(random, 8);
            yield return "t" + Hex(random, 10);
        }

        yield return "2025-03-01T09:30:00Z";
        yield return "2025-03-01T09:30:00.123+01:00";
        yield return "2025-03-01 09:30:00";
        yield return "20250301T093000Z";
        yield return "12/03/2026";
        yield return "01/02/2025";
        yield return "01.02.2025";
        yield return "2026-03-12";
        yield return "kl. 09.30–10.15";
        yield return "1 234 567 kr";
        yield return "12 500,50 SEK";
        yield return "SEK 1,234,567.00";
        yield return "1.234.567,00";
        yield return "llama-3.3-70b";
        yield return "gpt-4o-mini";
        yield return "mistral-small-3.1";
        yield return "meeting at 10.30";
        yield return "@anna";
        yield return "1 @ 100 kr";
        yield return "ärende 2025/4711";
        yield return "Dnr 2025-000123";
    }

    /// <summary>Lower-case hex of <paramref name="length"/> digits.</summary>
    public static string Hex(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = "0123456789abcdef"[random.Next(16)];
        }

        return new string(chars);
    }

    /// <summary>A UUID from a seeded generator: version 4 (random), or version 7 (a time between 2020 and 2045, then random).</summary>
    public static string RandomUuid(Random random, bool version7)
    {
        var hex = Hex(random, 32).ToCharArray();
        if (version7)
        {
            var ms = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds()
                + (long)(random.NextDouble() * 25 * 365.25 * 86_400_000);
            ms.ToString("x12", CultureInfo.InvariantCulture).CopyTo(0, hex, 0, 12);
        }

        hex[12] = version7 ? '7' : '4';
        hex[16] = "89ab"[random.Next(4)];
        var s = new string(hex);
        return $"{s[..8]}-{s[8..12]}-{s[12..16]}-{s[16..20]}-{s[20..]}";
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
