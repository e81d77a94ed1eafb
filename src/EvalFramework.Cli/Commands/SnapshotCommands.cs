using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EvalFramework.Cli.Commands;

/// <summary>
/// <c>evalctl snapshot create|list|export</c>: make, list and export immutable snapshots through a collector's
/// <c>/api/v1/snapshots</c> API. The key comes from <c>--key</c> or the <c>EVALFW_API_KEY</c> environment variable.
/// A request that takes more than a second shows progress on standard error.
/// </summary>
internal static class SnapshotCommands
{
    /// <summary>The environment variable read when <c>--key</c> is not given.</summary>
    public const string KeyVariable = "EVALFW_API_KEY";

    private const string Common = "--collector URL [--key KEY]";

    public static CliCommand Create { get; } = new(
        ["snapshot", "create"],
        Common + " --pilot P --from DATE --to DATE [--out FILE]",
        "make an immutable snapshot of the cases started in [from, to) (admin key); prints or writes its JSON",
        context => Run(context, ["pilot", "from", "to"], ["out"], CreateAsync));

    public static CliCommand List { get; } = new(
        ["snapshot", "list"],
        Common + " --pilot P",
        "list a pilot's snapshots: id, period, created, data sha256",
        context => Run(context, ["pilot"], [], ListAsync));

    public static CliCommand Export { get; } = new(
        ["snapshot", "export"],
        Common + " --id ID [--format json|csv] [--out FILE]",
        "write a snapshot's stored bytes (json) or its long CSV to a file or standard output",
        context => Run(context, ["id"], ["format", "out"], ExportAsync));

    /// <summary>How long a request may run before progress is shown.</summary>
    internal static TimeSpan ProgressAfter { get; set; } = TimeSpan.FromSeconds(1);

    private static int Run(CommandContext context, string[] required, string[] optional,
        Func<CommandContext, HttpClient, IReadOnlyDictionary<string, string>, Task<int>> action)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var allowed = new HashSet<string>(["collector", "key", .. required, .. optional], StringComparer.Ordinal);
        for (var i = 0; i < context.Args.Count; i++)
        {
            var arg = context.Args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || !allowed.Contains(arg[2..]))
            {
                return context.UsageError("unknown argument '" + arg + "'");
            }

            if (i + 1 >= context.Args.Count)
            {
                return context.UsageError(arg + " needs a value");
            }

            options[arg[2..]] = context.Args[++i];
        }

        // The key from the given environment (tests), else the process's (evalctl passes only EVALFW__ config overrides).
        var envKey = context.Environment.GetValueOrDefault(KeyVariable) ?? System.Environment.GetEnvironmentVariable(KeyVariable);
        if (!options.ContainsKey("key") && !string.IsNullOrEmpty(envKey))
        {
            options["key"] = envKey;
        }

        foreach (var name in required.Prepend("key").Prepend("collector"))
        {
            if (!options.ContainsKey(name))
            {
                return context.UsageError("missing --" + name + (name == "key" ? " (or " + KeyVariable + ")" : ""));
            }
        }

        if (!Uri.TryCreate(options["collector"], UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
        {
            return context.UsageError("--collector must be an http(s) URL, e.g. http://127.0.0.1:5080");
        }

        if (options.TryGetValue("format", out var format) && format is not ("json" or "csv"))
        {
            return context.UsageError("--format must be json or csv");
        }

        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options["key"]);
        try
        {
            return WithProgress(context, action(context, http, options));
        }
        catch (HttpRequestException e)
        {
            context.Err.WriteLine("evalctl: cannot reach the collector at " + baseAddress + ": " + e.Message);
            return ExitCodes.Failed;
        }
        catch (IOException e)
        {
            context.Err.WriteLine("evalctl: " + e.Message);
            return ExitCodes.Failed;
        }
    }

    private static int WithProgress(CommandContext context, Task<int> task)
    {
        // evalctl is a synchronous console program: wait here, showing progress while the collector works.
        if (!task.Wait(ProgressAfter))
        {
            context.Err.Write("working");
            while (!task.Wait(ProgressAfter))
            {
                context.Err.Write('.');
            }

            context.Err.WriteLine(" done");
        }

        return task.GetAwaiter().GetResult();
    }

    private static async Task<int> CreateAsync(CommandContext context, HttpClient http, IReadOnlyDictionary<string, string> options)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["pilot"] = options["pilot"],
            ["from"] = options["from"],
            ["to"] = options["to"],
        });
        using var response = await http.PostAsync("api/v1/snapshots", new StringContent(body, Encoding.UTF8, "application/json"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            return Problem(context, response, bytes);
        }

        using (var document = JsonDocument.Parse(bytes))
        {
            context.Err.WriteLine("snapshot " + document.RootElement.GetProperty("id").GetString() + " created (data sha256 "
                + document.RootElement.GetProperty("dataSha256").GetString() + ")");
        }

        return Write(context, options, bytes);
    }

    private static async Task<int> ListAsync(CommandContext context, HttpClient http, IReadOnlyDictionary<string, string> options)
    {
        using var response = await http.GetAsync("api/v1/snapshots?pilot=" + Uri.EscapeDataString(options["pilot"]));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            return Problem(context, response, bytes);
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
        return response.IsSuccessStatusCode ? Write(context, options, bytes) : Problem(context, response, bytes);
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

    private static int Problem(CommandContext context, HttpResponseMessage response, byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        context.Err.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"evalctl: the collector answered {(int)response.StatusCode} {response.ReasonPhrase}: {text}"));
        return ExitCodes.Failed;
    }
}
