using System.Globalization;
using System.Security.Cryptography;
using EvalFramework.Evaluation.Configuration;
using EvalFramework.Evaluation.Simulation;
using EvalFramework.Playback;

namespace EvalFramework.Cli.Commands;

/// <summary>
/// <c>evalctl simulate</c>: generates a pilot's traffic with the pilot simulator (seeded, with true effects) and
/// posts it to a collector through the SDK, with a progress bar on standard error and a final count on standard
/// output. <c>--load</c> sends as fast as the collector takes it and reports the rate.
/// </summary>
internal static class SimulateCommand
{
    private const string DefaultConfig = "metrics-config/evaluation.yaml";
    private const double DefaultDays = 90;
    private const int DefaultLoadClients = 4;

    public static CliCommand Definition { get; } = new(
        ["simulate"],
        CollectorRequests.Common + " [--days N] [--seed N] [--effects FILE] [--config FILE] [--pilot P] [--speed N|max] [--start DATE] [--volume X] [--load [--clients N]] "
        + SimulateDesignOptions.Usage,
        "post a simulated pilot (default: the config's first pilot, 90 days to now, seed 1, default effects) through the SDK",
        Run);

    private static int Run(CommandContext context)
    {
        if (CollectorRequests.Parse(context, [], ["days", "seed", "effects", "config", "pilot", "speed", "start", "volume", "clients", .. SimulateDesignOptions.Names], ["load"],
                out var options, out var collector) is { } usage)
        {
            return usage;
        }

        if (ReadNumbers(context, options) is not { } numbers)
        {
            return ExitCodes.Usage;
        }

        var (days, seed, speed, volume, start) = numbers;
        var load = options.ContainsKey("load");
        if (load && !speed.IsMax)
        {
            return context.UsageError("--load sends as fast as possible: leave out --speed or give --speed max");
        }

        var clients = load ? DefaultLoadClients : 1;
        if (options.TryGetValue("clients", out var clientsText) &&
            (!load || !int.TryParse(clientsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out clients) || clients is < 1 or > 64))
        {
            return context.UsageError("--clients goes with --load: a number of parallel senders from 1 to 64 (default 4)");
        }

        var pilot = ReadPilot(context, options, out var code, out var configured);
        if (pilot is null)
        {
            return code;
        }

        SimulationEffects? effects = null;
        if (options.TryGetValue("effects", out var effectsFile))
        {
            effects = ReadEffects(context, effectsFile);
            if (effects is null)
            {
                return ExitCodes.Failed;
            }
        }

        var from = start ?? TimeProvider.System.GetUtcNow().AddDays(-days);
        var design = SimulateDesignOptions.Read(options, pilot, configured, from, days, out var designError) ?? SimulateDesignOptions.FromConfig(configured, pilot);
        if (designError is not null)
        {
            return context.UsageError(designError);
        }

        var settings = new SimulationSettings { Pilot = pilot, Seed = seed, Start = from, Days = days, Effects = effects, VolumeScale = volume, Design = design };
        var errors = PilotSimulator.Validate(settings);
        if (errors.Count > 0)
        {
            context.Err.WriteLine($"evalctl simulate: {errors.Count} problem(s) with the simulation:");
            foreach (var error in errors)
            {
                context.Err.WriteLine("  " + error);
            }

            return ExitCodes.Failed;
        }

        // The simulated services send only the pilot's vocabulary; say what that leaves out.
        var simulator = new PilotSimulator(settings);
        foreach (var note in simulator.Notes)
        {
            context.Err.WriteLine("evalctl simulate: " + note);
        }

        return PlayAsync(context, collector, options["key"], simulator, speed, load, clients).GetAwaiter().GetResult();
    }

    private static (double Days, long Seed, SimulationSpeed Speed, double Volume, DateTimeOffset? Start)? ReadNumbers(
        CommandContext context, Dictionary<string, string> options)
    {
        var days = DefaultDays;
        if (options.TryGetValue("days", out var text) &&
            (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out days) || !(days > 0 && days <= 36_525)))
        {
            context.UsageError("--days must be a number of days above 0 (at most 36525), e.g. --days 90");
            return null;
        }

        long seed = 1;
        if (options.TryGetValue("seed", out text) && !long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed))
        {
            context.UsageError("--seed must be a whole number, e.g. --seed 1");
            return null;
        }

        var speed = SimulationSpeed.Max;
        if (options.TryGetValue("speed", out text) && !SimulationSpeed.TryParse(text, out speed))
        {
            context.UsageError("--speed must be max or a factor above 0 (1 = real time, 60 = an hour a minute)");
            return null;
        }

        var volume = 1.0;
        if (options.TryGetValue("volume", out text) &&
            (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out volume) || !(volume > 0 && volume <= 1000)))
        {
            context.UsageError("--volume must be a factor above 0 (at most 1000) on every case type's volume, e.g. --volume 2");
            return null;
        }

        DateTimeOffset? start = null;
        if (options.TryGetValue("start", out text))
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                context.UsageError("--start must be a date or time, e.g. 2025-03-01 or 2025-03-01T08:00:00Z");
                return null;
            }

            start = parsed;
        }

        return (days, seed, speed, volume, start);
    }

    /// <summary>
    /// The pilot from <c>--config</c> (default the shipped file; the built-in demo pilot, with the shipped vocabulary, when
    /// that is absent) and <c>--pilot</c>, and its configured design (null for the built-in pilot).
    /// </summary>
    private static SimulationPilot? ReadPilot(CommandContext context, Dictionary<string, string> options, out int code, out DesignConfig? design)
    {
        code = ExitCodes.Ok;
        design = null;
        var explicitConfig = options.TryGetValue("config", out var path);
        path ??= DefaultConfig;
        options.TryGetValue("pilot", out var slug);
        if (!explicitConfig && !File.Exists(path))
        {
            context.Err.WriteLine("evalctl simulate: no " + DefaultConfig + " here: simulating the built-in demo pilot (give --config for another)");
            if (slug is not null && slug != SimulationPilot.Demo.Slug)
            {
                code = context.UsageError("--pilot: only the built-in pilot 'demo' is known without --config");
                return null;
            }

            return SimulationPilot.Demo;
        }

        var loaded = context.LoadConfig(path);
        if (!loaded.IsValid)
        {
            context.Err.WriteLine($"evalctl simulate: the config {path} is not valid ({loaded.Errors.Count} problem(s)):");
            foreach (var error in loaded.Errors)
            {
                context.Err.WriteLine("  " + error);
            }

            code = ExitCodes.Failed;
            return null;
        }

        var config = loaded.Config!;
        var pilot = slug is null ? config.Pilots[0] : config.FindPilot(slug);
        if (pilot is null)
        {
            code = context.UsageError("--pilot: " + path + " has no pilot '" + slug + "' (pilots: " + string.Join(", ", config.Pilots.Select(p => p.Slug)) + ")");
            return null;
        }

        design = pilot.Design;
        return SimulationPilot.FromConfig(pilot);
    }

    private static SimulationEffects? ReadEffects(CommandContext context, string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (CommandContext.IsFileError(e))
        {
            context.Err.WriteLine("evalctl simulate: --effects: cannot read " + path + ": " + e.Message);
            return null;
        }

        var parsed = SimulationEffects.Parse(text, path);
        foreach (var error in parsed.Errors)
        {
            context.Err.WriteLine("evalctl simulate: " + error);
        }

        return parsed.Effects;
    }

    private static async Task<int> PlayAsync(CommandContext context, Uri collector, string key, PilotSimulator simulator, SimulationSpeed speed,
        bool load, int clients)
    {
        var settings = simulator.Settings;
        using (var probe = new HttpClient { BaseAddress = collector, Timeout = TimeSpan.FromSeconds(10) })
        {
            try
            {
                (await probe.GetAsync("readyz")).EnsureSuccessStatusCode();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                context.Err.WriteLine("evalctl: cannot reach the collector at " + collector + ": " + e.Message);
                return ExitCodes.Failed;
            }
        }

        if (settings.End > TimeProvider.System.GetUtcNow())
        {
            context.Err.WriteLine("evalctl simulate: the period ends after now: events still to come are sent when their time comes");
        }

        using var cancel = new CancellationTokenSource();
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true;
            cancel.Cancel();
        }

        // A fresh pseudonym key per run: a second run of the same seed adds new cases instead of adding to the first run's.
        var options = new EvalFrameworkOptions
        {
            CollectorUri = collector,
            ApiKey = key,
            Pilot = settings.Pilot.Slug,
            PseudonymKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            MaxBatchSize = load ? 1000 : 500,
        };
        var players = Enumerable.Range(0, clients).Select(_ => SimulationPlayer.Create(options, new StderrLoggerFactory(context.Err))).ToList();
        PlaybackStatus Total() => Sum(players.Select(p => p.Status));
        var progress = new SimulationProgressBar(context.Err, ReferenceEquals(context.Err, Console.Error) && !Console.IsErrorRedirected,
            settings.Start, settings.End, CollectorRequests.ProgressAfter, Total);
        var interrupted = false;
        Console.CancelKeyPress += OnCancel;
        try
        {
            // With several clients each sends whole cases (all of a case's events go through one tracker, in order).
            await Task.WhenAll(players.Select((player, i) => player.PlayAsync(
                simulator.Events().Where(e => Client(e, clients) == i), speed, i == 0 ? progress : null, cancel.Token)));
        }
        catch (OperationCanceledException)
        {
            interrupted = true;
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
            foreach (var player in players)
            {
                await player.DisposeAsync();
            }

            progress.Finish();
        }

        var status = Total();
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"simulated pilot '{settings.Pilot.Slug}' from {settings.Start:yyyy-MM-dd'T'HH:mm:ss'Z'}, {settings.Days} days, seed {settings.Seed}: {status.Cases} cases, {status.Events} events; sent {status.Sent}, rejected {status.Rejected}, dropped {status.Dropped}"));
        if (load)
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"load: {status.Sent} events stored in {status.Elapsed.TotalSeconds:F1} s by {clients} client(s): {status.SentPerSecond:F0} events/s"));
        }

        if (interrupted)
        {
            context.Err.WriteLine("evalctl simulate: interrupted");
            return ExitCodes.Failed;
        }

        if (status.Rejected > 0 || status.Dropped > 0)
        {
            context.Err.WriteLine("evalctl simulate: not every event was stored (the reasons are logged above)");
            return ExitCodes.Failed;
        }

        return ExitCodes.Ok;
    }

    private static int Client(SimulatedEvent e, int clients) =>
        clients == 1 || e is not SimulatedCaseEvent c ? 0 : (int)((uint)StringComparer.Ordinal.GetHashCode(c.Case.Reference) % (uint)clients);

    private static PlaybackStatus Sum(IEnumerable<PlaybackStatus> statuses) => statuses.Aggregate((a, b) => new PlaybackStatus(
        a.SimulatedTime > b.SimulatedTime ? a.SimulatedTime : b.SimulatedTime, a.Cases + b.Cases, a.Events + b.Events, a.Sent + b.Sent,
        a.Rejected + b.Rejected, a.Dropped + b.Dropped, a.Retries + b.Retries, a.Elapsed > b.Elapsed ? a.Elapsed : b.Elapsed));
}
