using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace EvalFramework.Collector.Storage;

/// <summary>
/// A request the database could not serve because it is unavailable (unreachable, restarting, a connection the server
/// ended) answers 503 with Retry-After, as ingest does, rather than 500: the request was fine and a retry will do. The
/// database then drops its idle connections, which the same cause has likely broken too.
/// </summary>
internal sealed partial class StorageExceptionHandler(
    ICollectorDatabase database, IProblemDetailsService problems, ILogger<StorageExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DbException db || !database.IsUnavailable(db))
        {
            return false; // a statement the database refused is a bug: 500
        }

        LogStorageFailed(exception, context.Request.Path);
        database.DropIdleConnections();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Storage unavailable",
                Detail = "The database did not answer; retry shortly.",
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database failed a request to {Path}; answered 503")]
    private partial void LogStorageFailed(Exception exception, string path);
}
