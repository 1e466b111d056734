using Competition.Engine.Contests;
using MediatR;
using Quartz;

namespace Competition.Web.Contests;

/// <summary>
/// Every second: contests and rounds whose times have come move on. Thin: the command asks the database for what is
/// due, moves each contest on its own (one that fails is logged, the others still move) and is safe to run twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class MoveContestsJob(IServiceScopeFactory scopes, ILogger<MoveContestsJob> log) : IJob
{
    public static readonly JobKey Key = new("move-contests");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ContestClock.Command(), cancellationToken);
            if (result.Changed > 0) log.LogInformation("Contest clock: {Changed} of {Examined} due contests moved on", result.Changed, result.Examined);
        }
        catch (Exception ex) when (ex is not OperationCanceledException) { log.LogError(ex, "Moving contests on failed; trying again next time"); }
    }
}
