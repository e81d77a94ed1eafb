using System.Text;
using System.Text.Json;

namespace EvalFramework.Cli.Commands;

/// <summary><c>evalctl purge</c>: delete a pilot's raw events and case rows older than a date (admin key).</summary>
internal static class PurgeCommand
{
    public static CliCommand Definition { get; } = new(
        ["purge"],
        CollectorRequests.Common + " --pilot P --before DATE",
        "delete the pilot's raw events and case rows older than DATE (admin key); snapshots are kept",
        context => CollectorRequests.Run(context, ["pilot", "before"], [], PurgeAsync));

    private static async Task<int> PurgeAsync(CommandContext context, HttpClient http, IReadOnlyDictionary<string, string> options)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["pilot"] = options["pilot"], ["before"] = options["before"] });
        using var response = await http.PostAsync("api/v1/purge", new StringContent(body, Encoding.UTF8, "application/json"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            return CollectorRequests.Problem(context, response, bytes);
        }

        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        context.Out.WriteLine($"purged pilot '{options["pilot"]}' before {options["before"]}: "
            + $"{root.GetProperty("eventsDeleted").GetInt32()} events, {root.GetProperty("casesDeleted").GetInt32()} cases");
        return ExitCodes.Ok;
    }
}
