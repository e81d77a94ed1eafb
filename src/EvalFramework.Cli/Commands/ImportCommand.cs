using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using EvalFramework.Contract;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Import;

namespace EvalFramework.Cli.Commands;

/// <summary>
/// <c>evalctl import</c>: imports historical cases from a CSV file. The file is checked first (<see cref="CaseFileCheck"/>)
/// and the data-check report printed before anything is sent; a file with an identifier or an error (a header without a
/// data row included) is refused whole, with <c>--check-only</c> too.
/// Otherwise each case goes to the collector's ingest API as the SDK would have sent it (<see cref="ImportEvents"/>),
/// its reference pseudonymised with the pilot's pseudonym key from <see cref="PseudonymKeyVariable"/>.
/// </summary>
internal static class ImportCommand
{
    /// <summary>The environment variable holding the pilot's pseudonym key (the SDK's <c>PseudonymKey</c>); never a command-line argument.</summary>
    public const string PseudonymKeyVariable = "EVALFW_PSEUDONYM_KEY";

    private const string DefaultConfig = "metrics-config/evaluation.yaml";
    private const int EventsPerBatch = 500;
    private const int MinimumKeyLength = 16;

    public static CliCommand Definition { get; } = new(
        ["import"],
        "<cases.csv> --pilot P " + CollectorRequests.Common + " [--config FILE] [--check-only]",
        "check a CSV of historical cases (columns, dates, gaps, duplicates, identifiers, vocabulary), print the data check, then send them ("
            + PseudonymKeyVariable + " pseudonymises the references)",
        Run);

    private static int Run(CommandContext context)
    {
        if (context.Args.Count == 0 || context.Args[0].StartsWith("--", StringComparison.Ordinal))
        {
            return context.UsageError("give the case file first");
        }

        var file = context.Args[0];
        if (CollectorRequests.Parse(context with { Args = context.Args.Skip(1).ToList() }, ["pilot"], ["config"], ["check-only"],
                out var options, out var collector) is { } usage)
        {
            return usage;
        }

        if (ReadPilot(context, options) is not { } pilot)
        {
            return ExitCodes.Failed;
        }

        if (ReadTable(context, file) is not { } table)
        {
            return ExitCodes.Failed;
        }

        var report = new CaseFileCheck(pilot, TimeProvider.System.GetUtcNow()).Check(table);
        report.Write(context.Out);
        if (report.Refused)
        {
            return ExitCodes.Failed;
        }

        if (options.ContainsKey("check-only"))
        {
            return ExitCodes.Ok;
        }

        var key = context.Environment.GetValueOrDefault(PseudonymKeyVariable) ?? Environment.GetEnvironmentVariable(PseudonymKeyVariable);
        if (key is null || key.Length < MinimumKeyLength)
        {
            return context.UsageError(PseudonymKeyVariable + " must hold the pilot's pseudonym key (at least 16 characters), the one its SDK uses");
        }

        return Send(context, collector, options["key"], new ImportEvents(pilot.Slug, key), report.Cases);
    }

    private static PilotConfig? ReadPilot(CommandContext context, Dictionary<string, string> options)
    {
        var path = options.GetValueOrDefault("config") ?? DefaultConfig;
        var loaded = context.LoadConfig(path);
        if (!loaded.IsValid)
        {
            context.Err.WriteLine("evalctl import: the config " + path + " is not valid (see evalctl config check):");
            foreach (var error in loaded.Errors)
            {
                context.Err.WriteLine("  " + error);
            }

            return null;
        }

        var pilot = loaded.Config!.FindPilot(options["pilot"]);
        if (pilot is null)
        {
            context.Err.WriteLine("evalctl import: pilot '" + options["pilot"] + "' is not in " + path);
        }

        return pilot;
    }

    private static CsvTable? ReadTable(CommandContext context, string file)
    {
        try
        {
            return CsvTable.Parse(File.ReadAllText(file));
        }
        catch (Exception e) when (CommandContext.IsFileError(e))
        {
            context.Err.WriteLine("evalctl import: cannot read " + file + ": " + e.Message);
        }
        catch (FormatException e)
        {
            context.Err.WriteLine("evalctl import: " + file + " is not a CSV file: " + e.Message);
        }

        return null;
    }

    /// <summary>Sends the cases' events in batches, with progress on standard error; a refused event is reported by its row.</summary>
    private static int Send(CommandContext context, Uri collector, string apiKey, ImportEvents make, IReadOnlyList<ImportedCase> cases)
    {
        var events = cases.SelectMany(c => make.Of(c).Select(e => (c.Row, Event: e))).ToList();
        using var http = new HttpClient { BaseAddress = collector, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        int accepted = 0, duplicates = 0;
        var refused = new List<string>();
        try
        {
            for (var start = 0; start < events.Count; start += EventsPerBatch)
            {
                var batch = events.Skip(start).Take(EventsPerBatch).ToList();
                var body = JsonSerializer.Serialize(new EventBatch { Events = [.. batch.Select(b => b.Event)] }, ContractJsonContext.Default.EventBatch);
                using var response = http.PostAsync("api/v1/events", new StringContent(body, Encoding.UTF8, "application/json")).GetAwaiter().GetResult();
                var bytes = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
                if (!response.IsSuccessStatusCode)
                {
                    context.Err.WriteLine(Invariant($"evalctl import: stopped after {start} of {events.Count} events"));
                    return CollectorRequests.Problem(context, response, bytes);
                }

                var answer = JsonSerializer.Deserialize(bytes, ContractJsonContext.Default.IngestResponse)!;
                accepted += answer.Accepted;
                duplicates += answer.Duplicates;
                refused.AddRange(answer.Rejected.Select(r => Invariant($"row {batch[r.Index].Row}: {string.Join("; ", r.Errors)}")));
                context.Err.WriteLine(Invariant($"sent {Math.Min(start + EventsPerBatch, events.Count)} of {events.Count} events"));
            }
        }
        catch (HttpRequestException e)
        {
            context.Err.WriteLine("evalctl: cannot reach the collector at " + collector + ": " + e.Message);
            return ExitCodes.Failed;
        }

        context.Out.WriteLine(Invariant(
            $"imported {cases.Count} case(s) as {events.Count} event(s): {accepted} stored, {duplicates} already stored, {refused.Count} refused"));
        foreach (var line in refused)
        {
            context.Out.WriteLine("  " + line);
        }

        return refused.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
