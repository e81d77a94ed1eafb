using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace EvalFramework.Collector.OpenApi;

/// <summary>
/// The API reference page: the OpenAPI document rendered on the server as one HTML page, with no script and nothing
/// fetched from elsewhere (the collector often runs where there is no internet). Operations by tag, each with its
/// authorization, parameters, request body, answers and examples; then the schemas they name.
/// </summary>
internal static partial class ApiReferencePage
{
    /// <summary>No script, no outside source: the page is text, tables and its own inline style.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    // Relaxed escaping: the JSON is HTML-encoded before it is written, so a + stays a + and not \u002B.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly HttpMethod[] MethodOrder = [HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete];

    public static string Render(OpenApiDocument document)
    {
        var html = new StringBuilder();
        var title = document.Info?.Title ?? "API";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Append(E(title)).Append(" API reference</title>\n")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1f2328}")
            .Append("code,pre{background:#f6f8fa;padding:0 .2em}pre{padding:.5em;overflow-x:auto;font-size:.85em}li{margin:.2rem 0}")
            .Append("table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.2rem .5rem;text-align:left;vertical-align:top}")
            .Append(".op{border-top:1px solid #d0d7de;margin-top:1.5rem}.method{font-weight:bold;text-transform:uppercase}</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(E(title)).Append(" API reference</h1>\n")
            .Append("<p>").Append(Markdown(document.Info?.Description)).Append("</p>\n")
            .Append("<p>The machine-readable contract: <a href=\"").Append(ApiReference.DocumentPath).Append("\">").Append(ApiReference.DocumentPath)
            .Append("</a> (OpenAPI ").Append("3.1").Append("; generate a client from it). <a href=\"/\">Back to the collector</a>.</p>\n");

        var operations = Operations(document).ToList();
        // The document's tags in their order, then any an operation names without the document declaring it, so that no
        // operation is left off the page.
        var tags = (document.Tags ?? new HashSet<OpenApiTag>()).ToList();
        tags.AddRange(operations.Select(o => o.Tag).Distinct().Where(t => tags.All(d => d.Name != t)).Select(t => new OpenApiTag { Name = t }));
        html.Append("<h2>Operations</h2>\n<ul class=\"contents\">\n");
        foreach (var tag in tags)
        {
            html.Append("<li>").Append(E(tag.Name ?? "")).Append(": ");
            html.AppendJoin(", ", operations.Where(o => o.Tag == tag.Name).Select(o =>
                $"<a href=\"#{Anchor(o.Method, o.Path)}\"><code>{E(o.Method.Method)} {E(o.Path)}</code></a>"));
            html.Append("</li>\n");
        }

        html.Append("</ul>\n");
        if (document.Components?.SecuritySchemes is { Count: > 0 } schemes)
        {
            html.Append("<h2 id=\"authorization\">Authorization</h2>\n<ul>\n");
            foreach (var (name, scheme) in schemes)
            {
                html.Append("<li><code>").Append(E(name)).Append("</code> (HTTP ").Append(E(scheme.Scheme ?? "")).Append("): ")
                    .Append(Markdown(scheme.Description)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        foreach (var tag in tags)
        {
            html.Append("<h2>").Append(E(tag.Name ?? "")).Append("</h2>\n<p>").Append(Markdown(tag.Description)).Append("</p>\n");
            foreach (var (_, method, path, operation) in operations.Where(o => o.Tag == tag.Name))
            {
                RenderOperation(html, method, path, operation);
            }
        }

        if (document.Components?.Schemas is { Count: > 0 } schemas)
        {
            html.Append("<h2 id=\"schemas\">Schemas</h2>\n");
            foreach (var (name, schema) in schemas.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                html.Append("<h3 id=\"schema-").Append(E(name)).Append("\">").Append(E(name)).Append("</h3>\n");
                RenderSchema(html, schema);
            }
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static IEnumerable<(string Tag, HttpMethod Method, string Path, OpenApiOperation Operation)> Operations(OpenApiDocument document) =>
        from path in (document.Paths ?? []).OrderBy(p => p.Key, StringComparer.Ordinal)
        from operation in (path.Value.Operations ?? []).OrderBy(o => Array.IndexOf(MethodOrder, o.Key))
        select (operation.Value.Tags?.FirstOrDefault()?.Name ?? "Other", operation.Key, path.Key, operation.Value);

    private static void RenderOperation(StringBuilder html, HttpMethod method, string path, OpenApiOperation operation)
    {
        html.Append("<section class=\"op\" id=\"").Append(Anchor(method, path)).Append("\">\n<h3><span class=\"method\">").Append(E(method.Method))
            .Append("</span> <code>").Append(E(path)).Append("</code></h3>\n");
        if (operation.Summary is { Length: > 0 } summary)
        {
            html.Append("<p><strong>").Append(E(summary)).Append("</strong></p>\n");
        }

        foreach (var paragraph in (operation.Description ?? "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            html.Append("<p>").Append(Markdown(paragraph)).Append("</p>\n");
        }

        if (operation.Security is { Count: > 0 } security)
        {
            html.Append("<p>Send the key by ").AppendJoin(" or ", security.Select(r => r.Count == 0 ? "none" : string.Join(" and ", r.Keys.Select(k =>
                $"<a href=\"#authorization\"><code>{E(k.Reference?.Id ?? "")}</code></a>")))).Append(".</p>\n");
        }

        if (operation.Parameters is { Count: > 0 } parameters)
        {
            html.Append("<table>\n<tr><th>Parameter</th><th>In</th><th>Type</th><th>Description</th></tr>\n");
            foreach (var parameter in parameters)
            {
                html.Append("<tr><td><code>").Append(E(parameter.Name ?? "")).Append("</code>").Append(parameter.Required ? " (required)" : "")
                    .Append("</td><td>").Append(E(parameter.In?.ToString().ToLowerInvariant() ?? "")).Append("</td><td>")
                    .Append(TypeOf(parameter.Schema)).Append("</td><td>").Append(Markdown(parameter.Description)).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        if (operation.RequestBody?.Content is { Count: > 0 } body)
        {
            html.Append("<p>Request body").Append(operation.RequestBody.Required ? " (required)" : "").Append(": ").Append(Markdown(operation.RequestBody.Description)).Append("</p>\n");
            RenderContent(html, body);
        }

        html.Append("<table>\n<tr><th>Answer</th><th>Description</th><th>Content</th></tr>\n");
        foreach (var (status, response) in (operation.Responses ?? []).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            html.Append("<tr><td>").Append(E(status)).Append("</td><td>").Append(Markdown(response.Description)).Append("</td><td>")
                .AppendJoin("<br>", (response.Content ?? new Dictionary<string, OpenApiMediaType>()).Select(c => $"<code>{E(c.Key)}</code> {TypeOf(c.Value.Schema)}"))
                .Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        foreach (var (status, response) in (operation.Responses ?? []).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            foreach (var (type, media) in response.Content ?? new Dictionary<string, OpenApiMediaType>())
            {
                if (media.Example is { } example)
                {
                    html.Append("<p>Example answer ").Append(E(status)).Append(" (<code>").Append(E(type)).Append("</code>):</p>\n<pre>")
                        .Append(E(example.ToJsonString(Indented))).Append("</pre>\n");
                }
            }
        }

        html.Append("</section>\n");
    }

    private static void RenderContent(StringBuilder html, IDictionary<string, OpenApiMediaType> content)
    {
        foreach (var (type, media) in content)
        {
            html.Append("<p><code>").Append(E(type)).Append("</code> ").Append(TypeOf(media.Schema)).Append("</p>\n");
            if (media.Example is { } example)
            {
                html.Append("<pre>").Append(E(example.ToJsonString(Indented))).Append("</pre>\n");
            }
        }
    }

    private static void RenderSchema(StringBuilder html, IOpenApiSchema schema)
    {
        html.Append("<p>").Append(TypeOf(schema, top: true)).Append(". ").Append(Markdown(schema.Description)).Append("</p>\n");
        if (schema.Properties is not { Count: > 0 } properties)
        {
            return;
        }

        html.Append("<table>\n<tr><th>Field</th><th>Type</th><th>Description</th></tr>\n");
        foreach (var (name, property) in properties)
        {
            html.Append("<tr><td><code>").Append(E(name)).Append("</code>").Append(schema.Required?.Contains(name) == true ? " (required)" : "")
                .Append("</td><td>").Append(TypeOf(property)).Append("</td><td>").Append(Markdown(property.Description)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    /// <summary>A schema in a few words: a link for a named schema, else its type (array of …, object of …, format).</summary>
    private static string TypeOf(IOpenApiSchema? schema, bool top = false)
    {
        switch (schema)
        {
            case null:
                return "";
            case OpenApiSchemaReference reference when !top:
                return $"<a href=\"#schema-{E(reference.Reference.Id ?? "")}\">{E(reference.Reference.Id ?? "")}</a>";
        }

        if (schema.AnyOf is { Count: > 0 } anyOf)
        {
            return string.Join(" or ", anyOf.Select(s => TypeOf(s)));
        }

        if (schema.OneOf is { Count: > 0 } oneOf)
        {
            return string.Join(" or ", oneOf.Select(s => TypeOf(s)));
        }

        var types = schema.Type is { } type
            ? Enum.GetValues<JsonSchemaType>().Where(t => type.HasFlag(t)).Select(t => t.ToString().ToLowerInvariant()).ToList()
            : ["any"];
        var text = string.Join(" or ", types.Select(t => t switch
        {
            "array" => "array of " + (TypeOf(schema.Items) is { Length: > 0 } items ? items : "any"),
            "object" when schema.AdditionalProperties is { } values && schema.Properties is not { Count: > 0 } => "object of " + TypeOf(values),
            _ => E(t),
        }));
        return schema.Format is { Length: > 0 } format ? $"{text} ({E(format)})" : text;
    }

    private static string Anchor(HttpMethod method, string path) =>
        "op-" + method.Method.ToLowerInvariant() + NotAnchor().Replace(path, "-").TrimEnd('-');

    /// <summary>HTML-encodes a description, then shows its <c>`code`</c> and <c>**bold**</c>.</summary>
    private static string Markdown(string? text)
    {
        var encoded = E(text ?? "");
        encoded = CodeSpan().Replace(encoded, "<code>$1</code>");
        return Bold().Replace(encoded, "<strong>$1</strong>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex NotAnchor();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\*\*([^*]+)\*\*")]
    private static partial Regex Bold();
}
