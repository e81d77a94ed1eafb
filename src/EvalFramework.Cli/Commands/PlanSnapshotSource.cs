using System.Net.Http.Headers;
using System.Text.Json;
using EvalFramework.Evaluation.Snapshots;

namespace EvalFramework.Cli.Commands;

/// <summary>
/// The snapshot <c>evalctl plan</c> takes its history from: a file (<c>--snapshot FILE</c>, from <c>evalctl snapshot
/// export</c>) or the pilot's newest snapshot in a collector (<c>--collector URL</c>, key from <c>--key</c> or
/// <c>EVALFW_API_KEY</c>, read right).
/// </summary>
internal static class PlanSnapshotSource
{
    /// <summary>Whether the options name a snapshot to read.</summary>
    public static bool IsGiven(IReadOnlyDictionary<string, string> options) => options.ContainsKey("snapshot") || options.ContainsKey("collector");

    /// <summary>The snapshot, or null after reporting why it cannot be read (naming the file or the collector, never a key).</summary>
    public static SnapshotDocument? Load(CommandContext context, IReadOnlyDictionary<string, string> options, string pilot)
    {
        if (options.TryGetValue("snapshot", out var file))
        {
            try
            {
                return SnapshotDocumentReader.Read(File.ReadAllBytes(file));
            }
            catch (Exception e) when (CommandContext.IsFileError(e) || IsNotASnapshot(e))
            {
                context.Err.WriteLine("evalctl plan: --snapshot: cannot read " + file + " as a snapshot: " + e.Message);
                return null;
            }
        }

        var key = options.GetValueOrDefault("key") ?? context.Environment.GetValueOrDefault(CollectorRequests.KeyVariable)
            ?? Environment.GetEnvironmentVariable(CollectorRequests.KeyVariable);
        if (!Uri.TryCreate(options["collector"], UriKind.Absolute, out var collector) || collector.Scheme is not ("http" or "https") || string.IsNullOrEmpty(key))
        {
            context.Err.WriteLine("evalctl plan: --collector needs an http(s) URL and a key (--key or " + CollectorRequests.KeyVariable + ")");
            return null;
        }

        try
        {
            return NewestAsync(context, collector, key, pilot).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException || IsNotASnapshot(e))
        {
            context.Err.WriteLine("evalctl plan: cannot read a snapshot from the collector at " + collector + ": " + e.Message);
            return null;
        }
    }

    private static async Task<SnapshotDocument?> NewestAsync(CommandContext context, Uri collector, string key, string pilot)
    {
        using var http = new HttpClient { BaseAddress = collector, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var list = await http.GetAsync("api/v1/snapshots?pilot=" + Uri.EscapeDataString(pilot));
        var bytes = await list.Content.ReadAsByteArrayAsync();
        if (!list.IsSuccessStatusCode)
        {
            CollectorRequests.Problem(context, list, bytes);
            return null;
        }

        string? newest;
        using (var document = JsonDocument.Parse(bytes))
        {
            newest = document.RootElement.GetProperty("snapshots").EnumerateArray()
                .MaxBy(s => s.GetProperty("createdAt").GetDateTimeOffset()) is { ValueKind: JsonValueKind.Object } s ? s.GetProperty("id").GetString() : null;
        }

        if (newest is null)
        {
            context.Err.WriteLine("evalctl plan: the collector has no snapshot of pilot '" + pilot + "' to plan from");
            return null;
        }

        using var response = await http.GetAsync("api/v1/snapshots/" + Uri.EscapeDataString(newest) + "?format=json");
        bytes = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            CollectorRequests.Problem(context, response, bytes);
            return null;
        }

        return SnapshotDocumentReader.Read(bytes);
    }

    private static bool IsNotASnapshot(Exception e) => e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException;
}
