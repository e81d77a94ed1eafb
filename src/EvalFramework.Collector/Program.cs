using EvalFramework.Collector;
using EvalFramework.Collector.Auth;
using EvalFramework.Collector.Cases;
using EvalFramework.Collector.Demo;
using EvalFramework.Collector.Configuration;
using EvalFramework.Collector.Health;
using EvalFramework.Collector.Home;
using EvalFramework.Collector.Http;
using EvalFramework.Collector.Ingest;
using EvalFramework.Collector.Metrics;
using EvalFramework.Collector.OpenApi;
using EvalFramework.Collector.Otlp;
using EvalFramework.Collector.Plans;
using EvalFramework.Collector.Privacy;
using EvalFramework.Collector.Reports;
using EvalFramework.Collector.Privacy.Retention;
using EvalFramework.Collector.Snapshots;
using EvalFramework.Contract;

var demo = DemoMode.TakeFromArgs(ref args);
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddCollectorDefaults();
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

var evaluation = EvaluationSettings.Load(builder.Configuration, Console.Error);
if (evaluation is null || !builder.Configuration.CheckStorageSettings(Console.Error))
{
    return 1;
}

builder.Services.AddSingleton(evaluation);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = UnsupportedMediaTypeDetail.Fill);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.TypeInfoResolverChain.Insert(0, ContractJsonContext.Default);
    o.SerializerOptions.TypeInfoResolverChain.Insert(1, CollectorJsonContext.Default);
});
builder.Services.AddCollectorStorage(builder.Configuration);
builder.Services.AddApiKeys(builder.Configuration);
builder.Services.AddSingleton<PilotVocabulary>();
builder.Services.AddPerKeyRateLimiting(builder.Configuration);
builder.Services.AddRetention(builder.Configuration);
builder.Services.AddCollectorMetrics(builder.Configuration);
builder.Services.AddSingleton<CaseStore>();
builder.Services.AddSingleton<SnapshotStore>();
builder.Services.AddSingleton<PlanRegistrationStore>();
builder.Services.AddSingleton<SnapshotService>();
builder.Services.AddSingleton<ISnapshotGaugeLoader, SnapshotGaugeSource>();
builder.Services.AddReports(builder.Configuration);
builder.Services.AddCollectorOpenApi();
// With no public pilot every report needs the read right, decided before any lookup, so an unknown caller learns nothing
// about which ids exist; with one, ReportAccess decides per pilot in the handler.
builder.Services.AddSettingPolicy<ReportOptions>(ApiPolicies.Reports, ApiRights.Read, o => o.PublicPilots.Count > 0);
if (demo || DemoMode.EnabledIn(builder.Configuration))
{
    builder.AddDemoMode();
}

var app = builder.Build();
app.LogEvaluationSettings(evaluation);
if (!app.MigrateDatabase(Console.Error))
{
    return 1;
}

// A request Kestrel itself refuses while the handler reads it (a body over the limit, a broken chunk) keeps its 4xx.
app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : 500 });
app.UseStatusCodePages();
app.UseAuthentication();
app.UseRateLimiter(); // after authentication: a key's bucket, whether Bearer or Basic carried it
app.UseAuthorization(); // each endpoint's policy, before its handler reads a byte of the body

app.MapHomePage();
app.MapApiReference();
app.MapHealthApi();
app.MapMetricsApi();
app.MapReportsApi();
app.MapOtlpTracesApi();
var api = app.MapGroup("/api/v1").RequireRateLimiting(RateLimitingServiceCollectionExtensions.PerKeyPolicy);
api.MapEventsApi();
api.MapCasesApi();
api.MapPurgeApi();
api.MapSnapshotsApi();
api.MapPlansApi();

app.Run();
return 0;

/// <summary>The collector's entry point; public for <c>WebApplicationFactory</c>.</summary>
public partial class Program;
