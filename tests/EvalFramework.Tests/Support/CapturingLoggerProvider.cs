using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EvalFramework.Tests.Support;

/// <summary>Keeps every formatted log message, for tests that check what the SDK logs.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Messages { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Messages.Enqueue((logLevel, formatter(state, exception)));

    public void Dispose()
    {
    }
}
