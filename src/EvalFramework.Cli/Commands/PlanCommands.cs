using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EvalFramework.Cli.Commands;

/// <summary>
/// <c>evalctl plan register|show</c>: freeze a pilot's analysis plan in the collector (admin key) and read the
/// registration back (read key), through <c>/api/v1/plans</c>. The plan registered is the one in the collector's own
/// evaluation config; with <c>--config FILE</c> it must also be the one in that file, or nothing is registered.
/// </summary>
internal static class PlanCommands
{
    public static CliCommand Register { get; } = new(
        ["plan", "register"],
        CollectorRequests.Common + " --pilot P [--config FILE]",
        "register (freeze) the analysis plan of the collector's config for the pilot (admin key); with --config, only when the file's plan is the same",
        RunRegister);

    public static CliCommand Show { get; } = new(
        ["plan", "show"],
        CollectorRequests.Common + " --pilot P",
        "print the pilot's registered analysis plan: sha256, when, and the plan",
        context => CollectorRequests.Run(context, ["pilot"], [], ShowAsync));

    private static int RunRegister(CommandContext context)
    {
        // The file is read before the collector is asked: a wrong file registers nothing.
        if (CollectorRequests.Parse(context, ["pilot"], ["config"], [], out var options, out _) is { } usage)
        {
            return usage;
        }

        string? planSha256 = null;
        if (options.TryGetValue("config", out var path))
        {
            var loaded = context.LoadConfig(path);
            if (loaded.Config is not { } config)
            {
                context.Err.WriteLine($"evalctl plan register: the config {path} is not valid ({loaded.Errors.Count} problem(s)); nothing registered:");
                foreach (var error in loaded.Errors)
                {
                    context.Err.WriteLine("  " + error);
                }

                return ExitCodes.Failed;
            }

            var pilot = config.FindPilot(options["pilot"]);
            if (pilot is null || !pilot.AnalysisPlan.IsConfigured)
            {
                context.Err.WriteLine($"evalctl plan register: the config {path} has {(pilot is null ? "no pilot" : "no analysisPlan for pilot")} '{options["pilot"]}'; nothing registered");
                return ExitCodes.Failed;
            }

            planSha256 = pilot.AnalysisPlan.Sha256;
            context.Err.WriteLine($"the plan of pilot '{options["pilot"]}' in {path} has sha256 {planSha256}; the collector registers it only if its own plan is the same");
        }

        return CollectorRequests.Run(context, ["pilot"], ["config"], (c, http, o) => RegisterAsync(c, http, o, planSha256));
    }

    private static async Task<int> RegisterAsync(CommandContext context, HttpClient http, IReadOnlyDictionary<string, string> options, string? planSha256)
    {
        var request = new JsonObject { ["pilot"] = options["pilot"] };
        if (planSha256 is not null)
        {
            request["planSha256"] = planSha256;
        }

        using var response = await http.PostAsync("api/v1/plans", new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json"));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            return CollectorRequests.Problem(context, response, bytes);
        }

        var (sha256, at) = Registration(bytes);
        context.Out.WriteLine(response.StatusCode == System.Net.HttpStatusCode.Created
            ? $"registered the analysis plan of pilot '{options["pilot"]}': sha256 {sha256}, at {at}"
            : $"the analysis plan of pilot '{options["pilot"]}' was already registered, the same plan: sha256 {sha256}, at {at}");
        return ExitCodes.Ok;
    }

    private static async Task<int> ShowAsync(CommandContext context, HttpClient http, IReadOnlyDictionary<string, string> options)
    {
        using var response = await http.GetAsync("api/v1/plans/" + Uri.EscapeDataString(options["pilot"]));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            return CollectorRequests.Problem(context, response, bytes);
        }

        var (sha256, at) = Registration(bytes);
        using var document = JsonDocument.Parse(bytes);
        context.Out.WriteLine("sha256\t" + sha256);
        context.Out.WriteLine("registeredAt\t" + at);
        context.Out.WriteLine("plan\t" + document.RootElement.GetProperty("plan").GetRawText());
        return ExitCodes.Ok;
    }

    /// <summary>The hash and the time (UTC, ISO 8601) of a registration as the collector answers it.</summary>
    private static (string Sha256, string At) Registration(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        var at = root.GetProperty("registeredAt").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return (root.GetProperty("sha256").GetString()!, at);
    }
}
