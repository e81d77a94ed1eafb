using EvalFramework.Samples;
using Microsoft.Extensions.AI;

var builder = WebApplication.CreateBuilder(args);

// README: register (begin)
builder.Services.AddEvalFramework(o =>
{
    o.CollectorUri = new Uri(builder.Configuration["EvalFramework:CollectorUri"] ?? "http://127.0.0.1:5080/");
    o.ApiKey = builder.Configuration["EvalFramework:ApiKey"];             // a key with the ingest right
    o.Pilot = "demo";
    o.PseudonymKey = builder.Configuration["EvalFramework:PseudonymKey"]; // the pilot's secret, ≥ 16 characters
});
builder.Services.AddSingleton(sp => new ChatClientBuilder(new CannedAssistant())
    .UseCaseTracking()
    .Build(sp));
// README: register (end)
builder.Services.AddSingleton<PermitQuestionDesk>();

var app = builder.Build();
app.MapPost("/questions/{reference}", async (string reference, bool? ai, HttpRequest request, PermitQuestionDesk desk, CancellationToken ct) =>
{
    using var reader = new StreamReader(request.Body);
    var question = await reader.ReadToEndAsync(ct);
    return await desk.AnswerAsync(reference, question, ai ?? true, ct);
});
app.Run();
