using Competition.Engine.Exams;
using MediatR;
using Quartz;

namespace Competition.Web.Exams;

/// <summary>
/// Every second: attempts whose time is up are closed as their exam says. Thin: the command reads every deadline from
/// the database, so a restart loses nothing and anything overdue happens at once. Contests move in their own job
/// (<see cref="Competition.Web.Contests.MoveContestsJob"/>), so a failure here never stops them, nor the reverse.
/// </summary>
[DisallowConcurrentExecution]
public sealed class CloseDueAttemptsJob(IServiceScopeFactory scopes, ILogger<CloseDueAttemptsJob> log) : IJob
{
    public static readonly JobKey Key = new("close-due-attempts");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CloseDueAttempts.Command(), cancellationToken);
            if (result.Submitted + result.Overdue + result.Abandoned > 0)
                log.LogInformation("Time up: {Submitted} submitted, {Overdue} in grace, {Abandoned} abandoned", result.Submitted, result.Overdue, result.Abandoned);
        }
        catch (Exception ex) when (ex is not OperationCanceledException) { log.LogError(ex, "Closing due attempts failed; trying again next time"); }
    }
}
