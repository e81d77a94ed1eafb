using Microsoft.Extensions.Logging;

namespace EvalFramework.Cli.Commands;

/// <summary>Shows the SDK's warnings and errors (a refused batch, an unreachable collector) on standard error.</summary>
internal sealed class StderrLoggerFactory(TextWriter err) : ILoggerFactory, ILogger
{
    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("evalctl logs to standard error only");

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        lock (err)
        {
            err.WriteLine("evalctl: " + formatter(state, exception) + (exception is null ? "" : " (" + exception.Message + ")"));
        }
    }

    public void Dispose()
    {
    }
}
