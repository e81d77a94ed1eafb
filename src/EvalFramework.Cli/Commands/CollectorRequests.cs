using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace EvalFramework.Cli.Commands;

/// <summary>
/// What every command that talks to a collector shares: <c>--collector URL</c>, <c>--key KEY</c> (or the
/// <c>EVALFW_API_KEY</c> environment variable), argument checks, progress on standard error after a second, and
/// the collector's problem text on failure.
/// </summary>
internal static class CollectorRequests
{
    /// <summary>The environment variable read when <c>--key</c> is not given.</summary>
    public const string KeyVariable = "EVALFW_API_KEY";

    /// <summary>The arguments every such command takes.</summary>
    public const string Common = "--collector URL [--key KEY]";

    /// <summary>How long a request may run before progress is shown.</summary>
    internal static TimeSpan ProgressAfter { get; set; } = TimeSpan.FromSeconds(1);

    public static int Run(CommandContext context, string[] required, string[] optional,
        Func<CommandContext, HttpClient, IReadOnlyDictionary<string, string>, Task<int>> action)
    {
        if (Parse(context, required, optional, [], out var options, out var baseAddress) is { } usage)
        {
            return usage;
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

    /// <summary>
    /// Reads <c>--name value</c> arguments (and bare <c>--switch</c>es, stored as <c>true</c>), takes the key from
    /// <see cref="KeyVariable"/> when <c>--key</c> is not given, and checks the required ones and the collector URL.
    /// </summary>
    /// <returns>Null when the arguments are valid; else the usage error's exit code (already reported).</returns>
    public static int? Parse(CommandContext context, string[] required, string[] optional, string[] switches,
        out Dictionary<string, string> options, out Uri baseAddress)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        baseAddress = null!;
        var allowed = new HashSet<string>(["collector", "key", .. required, .. optional], StringComparer.Ordinal);
        for (var i = 0; i < context.Args.Count; i++)
        {
            var arg = context.Args[i];
            var name = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : null;
            if (name is not null && switches.Contains(name, StringComparer.Ordinal))
            {
                options[name] = "true";
                continue;
            }

            if (name is null || !allowed.Contains(name))
            {
                return context.UsageError("unknown argument '" + arg + "'");
            }

            if (i + 1 >= context.Args.Count)
            {
                return context.UsageError(arg + " needs a value");
            }

            options[name] = context.Args[++i];
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

        if (!Uri.TryCreate(options["collector"], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return context.UsageError("--collector must be an http(s) URL, e.g. http://127.0.0.1:5080");
        }

        if (options.TryGetValue("format", out var format) && format is not ("json" or "csv"))
        {
            return context.UsageError("--format must be json or csv");
        }

        baseAddress = uri;
        return null;
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

    public static int Problem(CommandContext context, HttpResponseMessage response, byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        context.Err.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"evalctl: the collector answered {(int)response.StatusCode} {response.ReasonPhrase}: {text}"));
        return ExitCodes.Failed;
    }
}
