using System.Diagnostics.Metrics;

namespace EvalFramework.Tests.Support;

internal static class TestTrackers
{
    public const string PseudonymKey = "test-pseudonym-key-0123456789";
    public const string ApiKey = "test-api-key";
    public const string Pilot = "demo";
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static EvalFrameworkOptions Options(Action<EvalFrameworkOptions>? configure = null)
    {
        var options = new EvalFrameworkOptions
        {
            CollectorUri = new Uri("http://collector.test:5080/"),
            ApiKey = ApiKey,
            Pilot = Pilot,
            PseudonymKey = PseudonymKey,
            FlushInterval = TimeSpan.FromMilliseconds(20),
            ShutdownTimeout = TimeSpan.FromSeconds(2),
        };
        configure?.Invoke(options);
        return options;
    }

    public static CaseTracker Create(HttpMessageHandler handler, Action<EvalFrameworkOptions>? configure = null, IMeterFactory? meterFactory = null,
        TimeProvider? clock = null) =>
        CaseTracker.Create(Options(configure), meterFactory: meterFactory, handler: handler, timeProvider: clock);

    /// <summary>Flushes with a deadline, so a bug fails the test instead of hanging it.</summary>
    public static Task FlushWithin(this CaseTracker tracker) => tracker.FlushAsync().WaitAsync(Patience);
}
