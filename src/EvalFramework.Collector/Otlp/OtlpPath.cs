using System.Globalization;
using System.Text;

namespace EvalFramework.Collector.Otlp;

/// <summary>
/// Where something is in an export, kept as indexes and written out (e.g.
/// <c>resourceSpans[0].scopeSpans[1].spans[4].attributes[2]</c>) only when an answer names it: an export of many spans
/// or attributes formats no string per item. An index of -1 is a level not reached.
/// </summary>
internal readonly struct OtlpPath
{
    private readonly int _resource;
    private readonly int _scope;
    private readonly int _span;
    private readonly int _attribute;
    private readonly bool _inResource;

    private OtlpPath(int resource, bool inResource, int scope, int span, int attribute)
    {
        _resource = resource;
        _inResource = inResource;
        _scope = scope;
        _span = span;
        _attribute = attribute;
    }

    /// <summary>The whole request: <c>body</c>.</summary>
    public static OtlpPath Body => new(-1, false, -1, -1, -1);

    /// <summary><c>resourceSpans[index]</c>.</summary>
    public static OtlpPath ResourceSpans(int index) => new(index, false, -1, -1, -1);

    /// <summary>The <c>resource</c> of these resource spans.</summary>
    public OtlpPath Resource => new(_resource, true, -1, -1, -1);

    /// <summary>The <c>scopeSpans[index]</c> of these resource spans.</summary>
    public OtlpPath ScopeSpans(int index) => new(_resource, false, index, -1, -1);

    /// <summary>The <c>spans[index]</c> of these scope spans.</summary>
    public OtlpPath Spans(int index) => new(_resource, false, _scope, index, -1);

    /// <summary>The <c>attributes[index]</c> of this resource or span.</summary>
    public OtlpPath Attributes(int index) => new(_resource, _inResource, _scope, _span, index);

    /// <summary>The path as the answer names it.</summary>
    public override string ToString()
    {
        if (_resource < 0)
        {
            return "body";
        }

        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"resourceSpans[{_resource}]");
        if (_inResource)
        {
            text.Append(".resource");
        }

        if (_scope >= 0)
        {
            text.Append(CultureInfo.InvariantCulture, $".scopeSpans[{_scope}]");
        }

        if (_span >= 0)
        {
            text.Append(CultureInfo.InvariantCulture, $".spans[{_span}]");
        }

        if (_attribute >= 0)
        {
            text.Append(CultureInfo.InvariantCulture, $".attributes[{_attribute}]");
        }

        return text.ToString();
    }

    /// <summary>The path with a field of the item appended, e.g. <c>….spans[4].startTimeUnixNano</c>.</summary>
    public string Then(string field) => _resource < 0 ? field : ToString() + "." + field;
}
