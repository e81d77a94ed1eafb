using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace EvalFramework.Reports;

/// <summary>
/// Writes HTML (and inline SVG) into one buffer. Every text and attribute value goes through <see cref="HtmlEncoder"/>;
/// only <see cref="Raw"/> writes markup as it is, and it is called with constants of this assembly only.
/// </summary>
internal sealed class HtmlBuilder
{
    // Letters of every script pass as they are (the page is UTF-8); markup characters and controls are encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _html = new(256 * 1024);

    /// <summary>A number for an SVG attribute (invariant, at most two decimals).</summary>
    public static string Svg(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Markup written as it is: constants only, never data.</summary>
    public HtmlBuilder Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    /// <summary>Text, encoded.</summary>
    public HtmlBuilder Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            _html.Append(Encoder.Encode(text));
        }

        return this;
    }

    /// <summary>An opening tag with encoded attribute values (an attribute whose value is null is left out).</summary>
    public HtmlBuilder Open(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        StartTag(tag, attributes);
        _html.Append('>');
        return this;
    }

    /// <summary>A self-closing element (SVG shapes) or a void element (<c>meta</c>).</summary>
    public HtmlBuilder Empty(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        StartTag(tag, attributes);
        _html.Append(" />");
        return this;
    }

    public HtmlBuilder Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding encoded text.</summary>
    public HtmlBuilder Element(string tag, string? text, params ReadOnlySpan<(string Name, string? Value)> attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    /// <summary>A line break in the source, to keep the page readable as text.</summary>
    public HtmlBuilder Line() => Raw("\n");

    public override string ToString() => _html.ToString();

    private void StartTag(string tag, ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            _html.Append(' ').Append(name).Append("=\"").Append(Encoder.Encode(value)).Append('"');
        }
    }
}
