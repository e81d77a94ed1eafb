using System.Globalization;

namespace EvalFramework.Collector.Otlp;

/// <summary>An OTLP attribute value (<c>AnyValue</c>) of the kinds the ingest reads; arrays, lists and bytes are only <see cref="OtlpValueKind.Other"/>.</summary>
internal readonly record struct OtlpValue(OtlpValueKind Kind, string? Text = null, long Integer = 0, double Number = 0, bool Flag = false)
{
    public static OtlpValue Of(string text) => new(OtlpValueKind.String, Text: text);

    public static OtlpValue Of(long integer) => new(OtlpValueKind.Int, Integer: integer);

    public static OtlpValue Of(double number) => new(OtlpValueKind.Double, Number: number);

    public static OtlpValue Of(bool flag) => new(OtlpValueKind.Bool, Flag: flag);

    /// <summary>Whether the value says nothing: no member set, or an empty string (LiteLLM sends <c>""</c> for a missing value).</summary>
    public bool IsAbsent => Kind == OtlpValueKind.None || (Kind == OtlpValueKind.String && Text!.Length == 0);

    /// <summary>
    /// The value as a whole number: an <c>int_value</c>, a <c>double_value</c> without a fraction, or a string of an integer
    /// (some emitters send numbers as strings); false for anything else.
    /// </summary>
    public bool TryGetInteger(out long value)
    {
        switch (Kind)
        {
            case OtlpValueKind.Int:
                value = Integer;
                return true;
            case OtlpValueKind.Double when double.IsFinite(Number) && Math.Floor(Number) == Number && Math.Abs(Number) <= 9e15:
                value = (long)Number;
                return true;
            case OtlpValueKind.String:
                return long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
            default:
                value = 0;
                return false;
        }
    }
}
