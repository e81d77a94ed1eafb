using System.Globalization;
using System.Text;
using System.Text.Json;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Cli.Commands;

/// <summary>
/// <c>evalctl snapshot create|list|export</c>: make, list and export immutable snapshots through a collector's
/// <c>/api/v1/snapshots</c> API. The key comes from <c>--key</c> or the <c>EVALFW_API_KEY</c> environment variable.
/// A request that takes more than a second shows progress on standard error.
/// </summary>
internal static class SnapshotCommands
{
    private const string Common = CollectorRequests.Common;

    public static CliCommand Create { get; } = new(
        ["snapshot", "create"],
        Common + " --pilot P --from DATE [--to DATE] [--out FILE]",
        "make an immutable snapshot of the cases started in [from, to) (admin key); without --to, to is the start of today (UTC) minus the config's followUpDays; prints or writes its JSON",
        context => CollectorRequests.Run(context, ["pilot", "from"], ["to", "out"], CreateAsync));

    public static CliCommand List { get; } = new(
        ["snapshot", "list"],
        Common + " --pilot P",
        "list a pilot's snapshots: id, period, created, data sha256",
        context => CollectorRequests.Run(context, ["pilot"], [], ListAsync));

    public static CliCommand Export { get; } = new(
        ["snapshot", "export"],
        Common + " --id ID [--format json|csv] [--out FILE]",
        "write a snapshot's stored bytes (json) or its long CSV to a file or standard output",
        context => CollectorRequests.Run(context, ["id"], ["format", "out"], ExportAsync));

    private static async Task<int> CreateAsync(CommandContext context, HttpClient http, IReadOnlyDictionary<string, string> options)
    {
        var request = new Dictionary<string, string> { ["pilot"] = options["pilot"], ["from"] = options["from"] };
        if (options.TryGetValue("to", out var to))
        {
            request["to"] = to; // else the collector's default end
        }

        var body = JsonSerializer.Serialize(request);
        using var response = await http.PostAsync("api/v1/snapshots", new StringContent(body, Encoding.UTF8, "application/json"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            return CollectorRequests.Problem(context, response, bytes);
        }

        var snapshot = SnapshotDocumentReader.Read(bytes);
        context.Err.WriteLine("snapshot " + snapshot.Id + " created (data sha256 " + snapshot.DataSha256 + ")");
        if (snapshot.DefaultEnd == true)
        {
            context.Err.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"period {snapshot.From.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} to {snapshot.To.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}: the end is the default (the start of today, UTC, minus followUpDays = {snapshot.Settings.FollowUpDays})"));
        }

        return Write(context, options, bytes);
    }

    private static async Task<int> ListAsync(CommandContext context, HttpClient http, IReadOnlyDictionary<string, string> options)
    {
        using var response = await http.GetAsync("api/v1/snapshots?pilot=" + Uri.EscapeDataString(options["pilot"]));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            return CollectorRequests.Problem(context, response, bytes);
        }

        using var document = JsonDocument.Parse(bytes);
        var snapshots = document.RootElement.GetProperty("snapshots");
        context.Out.WriteLine("id\tfrom\tto\tcreatedAt\tdataSha256");
        foreach (var s in snapshots.EnumerateArray())
        {
            context.Out.WriteLine(string.Join('\t', s.GetProperty("id").GetString(), s.GetProperty("from").GetString(),
                s.GetProperty("to").GetString(), s.GetProperty("createdAt").GetString(), s.GetProperty("dataSha256").GetString()));
        }

        context.Err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{snapshots.GetArrayLength()} snapshot(s) of pilot '{options["pilot"]}'"));
        return ExitCodes.Ok;
    }

    private static async Task<int> ExportAsync(CommandContext context, HttpClient http, IReadOnlyDictionary<string, string> options)
    {
        var format = options.GetValueOrDefault("format", "json");
        using var response = await http.GetAsync("api/v1/snapshots/" + Uri.EscapeDataString(options["id"]) + "?format=" + format);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode ? Write(context, options, bytes) : CollectorRequests.Problem(context, response, bytes);
    }

    private static int Write(CommandContext context, IReadOnlyDictionary<string, string> options, byte[] bytes)
    {
        if (options.TryGetValue("out", out var path))
        {
            File.WriteAllBytes(path, bytes);
            context.Err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {bytes.Length} bytes to {path}"));
        }
        else
        {
            context.Out.Write(Encoding.UTF8.GetString(bytes));
            context.Out.Flush();
        }

        return ExitCodes.Ok;
    }
}
