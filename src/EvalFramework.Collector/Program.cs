var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/healthz", () => "ok");
app.Run();

/// <summary>The collector's entry point; public for <c>WebApplicationFactory</c>.</summary>
public partial class Program;
