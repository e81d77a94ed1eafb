using System.Diagnostics.Metrics;
using EvalFramework.Contract;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace EvalFramework.Collector.Demo;

/// <summary>
/// A little live traffic for the demo pilot, sent through the SDK exactly as a pilot's service would: a case
/// every second or so, in both arms and all three case types, with staff effort, AI usage, the odd escalation,
/// review, error and citizen survey.
/// </summary>
internal sealed partial class DemoTraffic(
    DemoKey key, IServer server, IHostApplicationLifetime lifetime, ILoggerFactory loggerFactory,
    IMeterFactory meterFactory, ILogger<DemoTraffic> logger) : BackgroundService
{
    private static readonly (string CaseType, string Role, double EffortMinutes)[] CaseTypes =
    [
        ("building-permit-question", "kommunvagledare", 9),
        ("direct-procurement-advice", "handlaggare", 35),
        ("social-services-documentation", "socialsekreterare", 50),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await WaitForStartAsync(stoppingToken))
        {
            return;
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            LogNoAddress(logger);
            return;
        }

        await using var tracker = CaseTracker.Create(
            new EvalFrameworkOptions
            {
                CollectorUri = new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/"),
                ApiKey = key.Value,
                Pilot = DemoMode.Pilot,
                PseudonymKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            },
            loggerFactory,
            meterFactory);
        LogStarted(logger, address);

        var random = new Random();
        var number = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            RecordOneCase(tracker, random, ++number);
        }
    }

    private static void RecordOneCase(CaseTracker tracker, Random random, int number)
    {
        var (caseType, role, effortMinutes) = CaseTypes[random.Next(CaseTypes.Length)];
        var ai = random.Next(2) == 1;
        using var c = tracker.StartCase(caseType, ai ? "ai_assisted" : "manual", $"DEMO-{number}", channel: random.Next(3) == 0 ? "phone" : "e-service");

        // Log-normal effort around the case type's typical minutes; the AI arm needs about a quarter less.
        var minutes = effortMinutes * Math.Exp(0.4 * Normal(random)) * (ai ? 0.75 : 1.0);
        c.RecordEffort(role, TimeSpan.FromMinutes(minutes));
        if (ai)
        {
            var model = caseType == "social-services-documentation" ? "llama-3.3-70b" : "mistral-small-3.1";
            c.RecordAiUsage(model, inputTokens: 1500 + random.Next(2000), outputTokens: 200 + random.Next(600),
                duration: TimeSpan.FromMilliseconds(800 + random.Next(4000)));
            if (random.NextDouble() < 0.08)
            {
                c.RecordEscalation("needs-case-officer");
            }
        }

        if (random.NextDouble() < 0.2)
        {
            var correct = random.NextDouble() > (ai ? 0.06 : 0.05);
            c.RecordReview(correct, consistent: random.NextDouble() > (ai ? 0.05 : 0.12), score: correct ? 4 + random.Next(2) : 2);
            if (!correct)
            {
                c.RecordError(ErrorSources.QualityReview, ErrorSeverities.Minor);
            }
        }

        if (random.NextDouble() < 0.2)
        {
            c.RecordCitizenSurvey(csat: Math.Clamp(4 + (int)Math.Round(Normal(random)), 1, 5), nps: random.Next(4, 11));
        }

        c.Complete(random.NextDouble() < 0.95 ? CaseOutcomes.Resolved : CaseOutcomes.Escalated);
    }

    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task;
            return true;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo traffic: a case a second for pilot 'demo' through the SDK, to {Address}")]
    private static partial void LogStarted(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo traffic: the server has no address; no demo traffic")]
    private static partial void LogNoAddress(ILogger logger);
}
