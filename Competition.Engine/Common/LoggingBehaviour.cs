using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Competition.Engine.Common;

public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string Name = typeof(TRequest).FullName?.Replace(typeof(TRequest).Namespace + ".", "") ?? typeof(TRequest).Name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            logger.LogInformation("{Request} handled in {ElapsedMs:F1} ms", Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            logger.LogWarning("{Request} failed after {ElapsedMs:F1} ms: {Error}", Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.Message);
            throw;
        }
    }
}
