using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Competition.Engine.Common;

/// <summary>
/// Times every request. A normal request is logged at Debug only: at Information every answer save (thousands a
/// second in an exam) wrote a console line and the log cost more than the save. Slow requests and failures are
/// always logged.
/// </summary>
public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    /// <summary>Slower than this, a request is worth a warning: the save path's target p99 is 100 ms.</summary>
    public static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(500);

    private static readonly string Name = typeof(TRequest).FullName?.Replace(typeof(TRequest).Namespace + ".", "") ?? typeof(TRequest).Name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed >= Slow) logger.LogWarning("{Request} was slow: handled in {ElapsedMs:F1} ms", Name, elapsed.TotalMilliseconds);
            else logger.LogDebug("{Request} handled in {ElapsedMs:F1} ms", Name, elapsed.TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            logger.LogWarning("{Request} failed after {ElapsedMs:F1} ms: {Error}", Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.Message);
            throw;
        }
    }
}
