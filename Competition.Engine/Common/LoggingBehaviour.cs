using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Competition.Engine.Common;

/// <summary>
/// Times every request. A normal request is logged at Debug only: at Information every answer save (thousands a
/// second in an exam) wrote a log line that cost more than the save. Failures are always logged; slow requests are
/// logged at most once per request type every 10 seconds, with how many were slow, so an overloaded server is not
/// also flooded with its own warnings.
/// </summary>
public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    /// <summary>Slower than this, a request is worth a warning: the save path's target p99 is 100 ms.</summary>
    public static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(500);

    private const long SlowLogEveryMs = 10_000;
    // Per closed generic type, i.e. per request type.
    private static long _lastSlowLog = long.MinValue / 2;
    private static int _slowSince;

    private static readonly string Name = typeof(TRequest).FullName?.Replace(typeof(TRequest).Namespace + ".", "") ?? typeof(TRequest).Name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed >= Slow) LogSlow(elapsed);
            else logger.LogDebug("{Request} handled in {ElapsedMs:F1} ms", Name, elapsed.TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            logger.LogWarning("{Request} failed after {ElapsedMs:F1} ms: {Error}", Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.Message);
            throw;
        }
    }

    private void LogSlow(TimeSpan elapsed)
    {
        var slow = Interlocked.Increment(ref _slowSince);
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastSlowLog);
        if (now - last < SlowLogEveryMs || Interlocked.CompareExchange(ref _lastSlowLog, now, last) != last) return;
        Interlocked.Add(ref _slowSince, -slow);
        logger.LogWarning("{Request} was slow: handled in {ElapsedMs:F1} ms ({Count} slower than {SlowMs} ms since the last warning)",
            Name, elapsed.TotalMilliseconds, slow, Slow.TotalMilliseconds);
    }
}
