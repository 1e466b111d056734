using Competition.Engine.Contests;
using Competition.Engine.Exams;
using MediatR;
using Quartz;

namespace Competition.Web.Exams;

/// <summary>
/// Every second: attempts whose time is up are closed as their exam says, then contests and rounds whose times
/// have come move on. Thin: the commands do the work and read every time from the database, so a restart loses
/// nothing and anything overdue happens at once.
/// </summary>
[DisallowConcurrentExecution]
public sealed class CloseDueAttemptsJob(IServiceScopeFactory scopes, ILogger<CloseDueAttemptsJob> log) : IJob
{
    public static readonly JobKey Key = new("close-due-attempts");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CloseDueAttempts.Command(), cancellationToken);
        if (result.Submitted + result.Overdue + result.Abandoned > 0)
            log.LogInformation("Time up: {Submitted} submitted, {Overdue} in grace, {Abandoned} abandoned", result.Submitted, result.Overdue, result.Abandoned);
        using var contests = scopes.CreateScope();
        try { await contests.ServiceProvider.GetRequiredService<IMediator>().Send(new ContestClock.Command(), cancellationToken); }
        catch (Exception ex) when (ex is not OperationCanceledException) { log.LogError(ex, "Moving contests on failed; trying again next second"); }
    }
}
