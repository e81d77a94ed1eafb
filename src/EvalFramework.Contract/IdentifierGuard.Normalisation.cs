using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EvalFramework.Contract;

/// <summary>The normalisation pass before the search: escapes, Unicode forms, digits, dashes and spaces.</summary>
public static partial class IdentifierGuard
{
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
}
