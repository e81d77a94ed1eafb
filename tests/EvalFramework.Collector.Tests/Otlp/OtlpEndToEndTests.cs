using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EvalFramework.Collector.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EvalFramework.Collector.Tests.Otlp;

/// <summary>
/// End to end: a Microsoft.Extensions.AI chat client with <c>UseOpenTelemetry()</c>, traced by the OpenTelemetry SDK and
/// exported by the real OTLP exporter (HTTP/protobuf, the API key as a header) to a collector on Kestrel with a SQLite
/// file; the usage is read back from <c>/api/v1/cases</c>.
/// </summary>
public sealed class OtlpEndToEndTests(OtlpKestrelCollector collector) : IClassFixture<OtlpKestrelCollector>
{
    /// <summary>Microsoft.Extensions.AI's ActivitySource (and the scope name on the wire).</summary>
    private const string AiSource = "Experimental.Microsoft.Extensions.AI";

    private const string CaseType = "building-permit-question";

    private const string Model = "mistral-small-3.1";

    private const string Prompt = "Jag heter Greta Gustafsson och undrar om bygglov för en altan";

    private readonly OtlpKestrelCollector _collector = collector;

    /// <summary>The case the service is working on, as the SDK's tracked case would hold it.</summary>
    private readonly AsyncLocal<string?> _currentCase = new();

    [Fact]
    public async Task ChatClientSpans_ExportedByTheOtlpExporter_StoredAsTheCasesAiUsage()
    {
        var caseId = await StartCaseAsync();
        var responses = new List<HttpStatusCode>();
        var spans = new List<Activity>();
        using (var tracing = Tracing(spans, Exporter(responses)))
        {
            var chat = new ChatClientBuilder(new FakeChatClient())
                .UseOpenTelemetry(configure: c => c.EnableSensitiveData = true) // message contents on the spans: never stored
                .Build();
            _currentCase.Value = caseId;
            await chat.GetResponseAsync(Prompt);
            await foreach (var _ in chat.GetStreamingResponseAsync(Prompt))
            {
            }

            _currentCase.Value = null;
            await chat.GetResponseAsync("a call outside any case");
            Assert.True(tracing.ForceFlush(10_000));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], responses);
        var item = await CaseAsync(caseId, c => c["aiCalls"]!.GetValue<long>() == 2);
        Assert.Equal(("ai_assisted", 2L, 120L + 7L, 45L + 3L), (item["arm"]!.GetValue<string>(), item["aiCalls"]!.GetValue<long>(),
            item["aiInputTokens"]!.GetValue<long>(), item["aiOutputTokens"]!.GetValue<long>()));
        var usage = Assert.Single(item["aiByModel"]!.AsArray())!;
        Assert.Equal(Model, usage["model"]!.GetValue<string>()); // the dated response model is not in the pilot's aiModels: the request's is
        var chatSpans = spans.Where(s => s.GetTagItem("evalframework.case_id") is not null).ToList();
        Assert.Equal(2, chatSpans.Count);
        Assert.All(chatSpans, s => Assert.Contains("Greta", (string)s.GetTagItem("gen_ai.input.messages")!, StringComparison.Ordinal)); // sent, and ignored
        foreach (var span in chatSpans)
        {
            var body = (string)_collector.Scalar("SELECT body FROM events WHERE event_id = @id", ("@id", $"otlp-{span.TraceId}-{span.SpanId}"))!;
            var stored = JsonNode.Parse(body)!;
            Assert.Equal(span.Duration.Ticks / (double)TimeSpan.TicksPerMillisecond, stored["durationMs"]!.GetValue<double>(), 6);
            Assert.Equal(new DateTimeOffset(span.StartTimeUtc + span.Duration), DateTimeOffset.Parse(stored["time"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        }

        Assert.Equal(0L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE body LIKE '%Greta%' OR body LIKE '%altan%'"));
        Assert.Equal(3L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE case_id = @c", ("@c", caseId))); // case.started and two calls
    }

    [Fact]
    public async Task SameSpansExportedTwice_GzipAndPlain_StoredOnce()
    {
        var caseId = await StartCaseAsync();
        var responses = new List<HttpStatusCode>();
        using (var tracing = Tracing([], Exporter(responses), Exporter(responses, OtlpExportCompression.GZip)))
        {
            var chat = new ChatClientBuilder(new FakeChatClient()).UseOpenTelemetry().Build();
            _currentCase.Value = caseId;
            await chat.GetResponseAsync(Prompt);
            await chat.GetResponseAsync(Prompt);
            Assert.True(tracing.ForceFlush(10_000));
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 4), responses); // two spans, each exported by both exporters
        var item = await CaseAsync(caseId, c => c["aiCalls"]!.GetValue<long>() >= 2);
        Assert.Equal((2L, 240L, 90L), (item["aiCalls"]!.GetValue<long>(), item["aiInputTokens"]!.GetValue<long>(), item["aiOutputTokens"]!.GetValue<long>()));
        Assert.Equal(2L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE case_id = @c AND type = 'ai.usage'", ("@c", caseId)));
    }

    [Fact]
    public async Task CaseIdThatIsNoPseudonym_RefusedAsForTheEventsApi()
    {
        using var client = Client(_collector.AdminKey);
        var (trace, span) = OtlpJson.NewIds();
        var export = OtlpJson.Request(OtlpJson.Resource(("evalframework.pilot", SnapshotCollectorFactory.Pilot)), OtlpJson.Span(trace, span, 20,
            ("evalframework.case_id", "BYGG-2026-0042"), ("gen_ai.request.model", Model), ("gen_ai.usage.input_tokens", 1L), ("gen_ai.usage.output_tokens", 1L)));

        using var response = await client.PostAsync("/v1/traces", OtlpJson.Content(export));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("reference's pseudonym", text, StringComparison.Ordinal); // readable in an exporter's log, not \u0027
        var answer = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1", answer["partialSuccess"]!["rejectedSpans"]!.GetValue<string>());
        Assert.Equal("1 span rejected: resourceSpans[0].scopeSpans[0].spans[0] caseId (evalframework.case_id): must be the case reference's pseudonym, "
            + "64 lower-case hex digits as the SDK makes them (the pilot's config has caseIds: pseudonym)", answer["partialSuccess"]!["errorMessage"]!.GetValue<string>());
        Assert.Equal(0L, _collector.Scalar("SELECT COUNT(*) FROM events WHERE event_id = @id", ("@id", $"otlp-{trace}-{span}")));
    }

    /// <summary>A tracer provider as a pilot service sets it up: its pilot on the resource, the case stamped on each span at start.</summary>
    private TracerProvider Tracing(List<Activity> ended, params OtlpTraceExporter[] exporters)
    {
        var builder = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(r => r.AddService("permit-assistant").AddAttributes([new("evalframework.pilot", SnapshotCollectorFactory.Pilot)]))
            .AddSource(AiSource)
            .SetSampler(new AlwaysOnSampler())
            .AddProcessor(new CaseStamp(_currentCase, ended));
        foreach (var exporter in exporters)
        {
            builder.AddProcessor(new SimpleActivityExportProcessor(exporter));
        }

        return builder.Build();
    }

    /// <summary>The OTLP exporter over HTTP/protobuf to the collector, the key as a header; every answer's status recorded.</summary>
    private OtlpTraceExporter Exporter(List<HttpStatusCode> responses, OtlpExportCompression compression = OtlpExportCompression.None) =>
        new(new OtlpExporterOptions
        {
            Protocol = OtlpExportProtocol.HttpProtobuf,
            Endpoint = new Uri(_collector.Address, "/v1/traces"),
            Headers = "Authorization=Bearer%20" + _collector.AdminKey,
            Compression = compression,
            HttpClientFactory = () => new HttpClient(new Recording(responses)),
        });

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = _collector.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A new case of the demo pilot on the AI arm; its id is a pseudonym, as the SDK would make it.</summary>
    private async Task<string> StartCaseAsync()
    {
        var caseId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("otlp-" + Guid.NewGuid())));
        var started = Events.Started(caseId, CaseType, "ai_assisted", pilot: SnapshotCollectorFactory.Pilot);
        using var client = Client(_collector.AdminKey);
        using var response = await client.PostAsync(started);
        Assert.Equal(1, (await response.ReadObjectAsync())["accepted"]!.GetValue<int>());
        return caseId;
    }

    /// <summary>The case as <c>/api/v1/cases</c> shows it, once <paramref name="ready"/>; a wait that runs out fails.</summary>
    private async Task<JsonNode> CaseAsync(string caseId, Func<JsonNode, bool> ready)
    {
        using var client = Client(_collector.DemoReaderKey);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonObject>("/api/v1/cases?pilot=demo&limit=1000");
            var item = page!["items"]!.AsArray().SingleOrDefault(i => i!["caseId"]!.GetValue<string>() == caseId);
            if (item is not null && ready(item))
            {
                return item;
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "the case's AI usage did not arrive within 10 s");
            await Task.Delay(50);
        }
    }

    /// <summary>Stamps the current case on each span as it starts (no baggage: it would travel to the model's provider).</summary>
    private sealed class CaseStamp(AsyncLocal<string?> currentCase, List<Activity> ended) : BaseProcessor<Activity>
    {
        public override void OnStart(Activity data)
        {
            if (currentCase.Value is { } caseId)
            {
                data.SetTag("evalframework.case_id", caseId);
            }
        }

        public override void OnEnd(Activity data)
        {
            lock (ended)
            {
                ended.Add(data);
            }
        }
    }

    /// <summary>Records the status of each answer the exporter gets (it sends synchronously).</summary>
    private sealed class Recording(List<HttpStatusCode> responses) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Record(base.Send(request, cancellationToken));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Record(await base.SendAsync(request, cancellationToken));

        private HttpResponseMessage Record(HttpResponseMessage response)
        {
            lock (responses)
            {
                responses.Add(response.StatusCode);
            }

            return response;
        }
    }

    /// <summary>A model that answers with usage: 120/45 tokens, or 7/3 streamed; it reports a dated model version.</summary>
    private sealed class FakeChatClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "Ja, en altan kräver ofta bygglov."))
            {
                ModelId = Model + "-2503",
                Usage = new UsageDetails { InputTokenCount = 120, OutputTokenCount = 45 },
            });

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, "Ja") { ModelId = Model + "-2503" };
            yield return new ChatResponseUpdate { Contents = [new UsageContent(new UsageDetails { InputTokenCount = 7, OutputTokenCount = 3 })] };
        }

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("fakeprovider", new Uri("http://127.0.0.1:1/"), Model) : null;

        public void Dispose()
        {
        }
    }
}
