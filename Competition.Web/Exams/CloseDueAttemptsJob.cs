using Competition.Engine.Exams;
using MediatR;
using Quartz;

namespace Competition.Web.Exams;

/// <summary>
/// Every second: attempts whose time is up are closed as their exam says. Thin: the command does the work,
/// and reads deadlines from the database, so a restart loses nothing and an overdue attempt is handled at once.
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
    }
}
