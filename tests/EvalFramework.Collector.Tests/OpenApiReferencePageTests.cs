using System.Net;
using System.Text.RegularExpressions;
using EvalFramework.Collector.OpenApi;
using EvalFramework.Collector.Tests.Infrastructure;
using Microsoft.OpenApi;

namespace EvalFramework.Collector.Tests;

/// <summary>
/// <c>/api</c>, the API reference for people: linked from the landing page, anonymous, rendered on the server from the
/// same OpenAPI document a client generator reads (every operation and schema of it is on the page), and
/// self-contained: no script and nothing loaded from elsewhere, for a collector on a machine without internet.
/// </summary>
public sealed partial class OpenApiReferencePageTests : IClassFixture<CollectorFactory>
{
    private readonly CollectorFactory _collector;

    public OpenApiReferencePageTests(CollectorFactory collector) => _collector = collector;

    [Fact]
    public async Task ReferencePage_LinkedFromTheLandingPage_ShowsEveryOperationAndSchemaOfTheDocument()
    {
        using var client = _collector.CreateClient();
        var contract = await OpenApiContract.LoadAsync(client);

        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var link = LinkTo().Match(home);
        using var response = await client.GetAsync(new Uri(link.Groups[1].Value, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(link.Success, "the landing page links to the API reference");
        Assert.Contains("<a href=\"/openapi/v1.json\">", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var operations = contract.Operations().ToList();
        Assert.True(operations.Count >= 17, "the document describes the collector's endpoints");
        foreach (var (method, path, _) in operations)
        {
            Assert.Contains($"<span class=\"method\">{method}</span> <code>{WebUtility.HtmlEncode(path)}</code>", html, StringComparison.Ordinal);
        }

        foreach (var (name, _) in contract.Document["components"]!["schemas"]!.AsObject())
        {
            Assert.Contains($"<h3 id=\"schema-{name}\">", html, StringComparison.Ordinal);
        }

        Assert.Contains("&quot;type&quot;: &quot;case.started&quot;", html, StringComparison.Ordinal); // the events example, as sent
        Assert.Contains("an API key with the <code>ingest</code> right", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferencePage_NoScriptNorAnythingFromElsewhere()
    {
        using var client = _collector.CreateClient();

        using var response = await client.GetAsync(new Uri("/api", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"(src|href)=""(https?:)?//", html);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OperationsOfUndeclaredTagsOrNone_StillOnThePage()
    {
        var document = new OpenApiDocument { Info = new OpenApiInfo { Title = "T" }, Paths = [] };
        document.Paths["/tagged"] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Post] = new() { Tags = new HashSet<OpenApiTagReference> { new("Undeclared", document) } } },
        };
        document.Paths["/untagged"] = new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = new() } };

        var html = ApiReferencePage.Render(document);

        Assert.Contains("<h2>Undeclared</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"method\">POST</span> <code>/tagged</code>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Other</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"method\">GET</span> <code>/untagged</code>", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<a href=\"(/[^\"]*)\">[^<]*</a>: the API reference")]
    private static partial Regex LinkTo();
}
