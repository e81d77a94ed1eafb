using EvalFramework.Collector;
using EvalFramework.Collector.Auth;
using EvalFramework.Collector.Cases;
using EvalFramework.Collector.Demo;
using EvalFramework.Collector.Health;
using EvalFramework.Collector.Ingest;
using EvalFramework.Contract;

var demo = DemoMode.TakeFromArgs(ref args);
var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.TypeInfoResolverChain.Insert(0, ContractJsonContext.Default);
    o.SerializerOptions.TypeInfoResolverChain.Insert(1, CollectorJsonContext.Default);
});
builder.Services.AddCollectorStorage(builder.Configuration);
builder.Services.AddApiKeys(builder.Configuration);
if (demo)
{
    builder.AddDemoMode();
}

var app = builder.Build();
app.MigrateDatabase();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapHealthApi();
var api = app.MapGroup("/api/v1").AddEndpointFilter<ApiKeyEndpointFilter>();
api.MapEventsApi();
api.MapCasesApi();

app.Run();

/// <summary>The collector's entry point; public for <c>WebApplicationFactory</c>.</summary>
public partial class Program;
