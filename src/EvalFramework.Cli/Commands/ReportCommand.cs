using System.Globalization;
using System.Text;
using System.Text.Json;
using EvalFramework.Evaluation.Snapshots;
using EvalFramework.Reports;

namespace EvalFramework.Cli.Commands;

/// <summary>
/// <c>evalctl report SNAPSHOT.json [--lang sv|en] [--config FILE] [--out FILE]</c>: the report page of an exported
/// snapshot, rendered offline exactly as the collector serves it at <c>/reports/{id}</c>, to attach to a decision. The
/// pilot's display name comes from <c>--config</c> (the collector's evaluation config); without it no config is read
/// and the page names the pilot by its slug, as a collector without a config does. Swedish unless <c>--lang en</c>.
/// </summary>
internal static class ReportCommand
{
    public static CliCommand Definition { get; } = new(
        ["report"],
        "<snapshot.json> [--lang sv|en] [--config FILE] [--out FILE]",
        "render an exported snapshot's report page (HTML, as /reports/{id} serves it) to a file or standard output; "
            + "--config names the pilot as the collector's config does (default: no config, the pilot's slug)",
        Run);

    private static int Run(CommandContext context)
    {
        if (Parse(context, out var path, out var options) is { } usage)
        {
            return usage;
        }

        var language = SnapshotReport.Swedish;
        if (options.TryGetValue("lang", out var lang))
        {
            if (SnapshotReport.Language(lang) is not { } chosen)
            {
                return context.UsageError("--lang must be sv or en");
            }

            language = chosen;
        }

        byte[] json;
        try
        {
            json = File.ReadAllBytes(path);
        }
        catch (Exception e) when (CommandContext.IsFileError(e))
        {
            context.Err.WriteLine("evalctl report: cannot read " + path + ": " + e.Message);
            return ExitCodes.Failed;
        }

        SnapshotDocument snapshot;
        try
        {
            snapshot = SnapshotDocumentReader.Read(json);
        }
        catch (JsonException e)
        {
            context.Err.WriteLine("evalctl report: " + path + " is not a snapshot's JSON (" + e.Message + "); export one with evalctl snapshot export");
            return ExitCodes.Failed;
        }

        string? displayName = null;
        if (options.TryGetValue("config", out var configPath))
        {
            var loaded = context.LoadConfig(configPath);
            if (loaded.Config is not { } config)
            {
                context.Err.WriteLine($"evalctl report: the config {configPath} is not valid ({loaded.Errors.Count} problem(s)):");
                foreach (var error in loaded.Errors)
                {
                    context.Err.WriteLine("  " + error);
                }

                return ExitCodes.Failed;
            }

            displayName = config.FindPilot(snapshot.Pilot)?.DisplayName;
        }

        var html = SnapshotReport.Render(snapshot, ReportPage.ForStoredSnapshot(snapshot.Id, displayName, json, snapshot), language);
        if (options.TryGetValue("out", out var outPath))
        {
            try
            {
                File.WriteAllText(outPath, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception e) when (CommandContext.IsFileError(e))
            {
                context.Err.WriteLine("evalctl report: cannot write " + outPath + ": " + e.Message);
                return ExitCodes.Failed;
            }

            context.Err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote the report of snapshot {snapshot.Id} ({language}) to {outPath}"));
        }
        else
        {
            context.Out.Write(html);
            context.Out.Flush();
        }

        return ExitCodes.Ok;
    }

    /// <summary>One snapshot path and <c>--lang</c>, <c>--config</c>, <c>--out</c> with their values.</summary>
    /// <returns>Null when the arguments are valid; else the usage error's exit code (already reported).</returns>
    private static int? Parse(CommandContext context, out string path, out Dictionary<string, string> options)
    {
        path = "";
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        string? snapshot = null;
        for (var i = 0; i < context.Args.Count; i++)
        {
            var arg = context.Args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (snapshot is not null)
                {
                    return context.UsageError("expected exactly one <snapshot.json>");
                }

                snapshot = arg;
                continue;
            }

            var name = arg[2..];
            if (name is not ("lang" or "config" or "out"))
            {
                return context.UsageError("unknown argument '" + arg + "'");
            }

            if (i + 1 >= context.Args.Count)
            {
                return context.UsageError(arg + " needs a value");
            }

            options[name] = context.Args[++i];
        }

        if (snapshot is null)
        {
            return context.UsageError("missing <snapshot.json>");
        }

        path = snapshot;
        return null;
    }
}
