using Competition.Engine.Contests;
using Competition.Engine.Exams;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Competition.Engine.Scoreboards;

/// <summary>
/// Theory results reach the boards: once an attempt is submitted (by the worker or by the clock), marked or re-marked,
/// the boards of every contest whose theory round is that exam are refreshed in the background. These run after the
/// exam's own command has succeeded and never fail it: a refresh that cannot be asked for is logged.
/// </summary>
internal static class TheoryResults
{
    public static async Task RefreshAsync(CompetitionDbContext db, ScoreboardProjection projection, ILogger log, Guid? examId, CancellationToken ct)
    {
        try
        {
            var rounds = db.Rounds.AsNoTracking().Where(r => r.Kind == RoundKind.Theory && r.ExamId != null);
            if (examId is { } exam) rounds = rounds.Where(r => r.ExamId == exam);
            var contests = await rounds.Join(db.Contests.AsNoTracking().Where(c => c.Phase != ContestPhase.Finalized || examId != null), r => r.ContestId, c => c.Id, (r, c) => c.Id)
                .Distinct().ToListAsync(ct);
            foreach (var id in contests) projection.Request(id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Boards of contests with exam {ExamId} as theory round could not be told of new results", examId);
        }
    }
}

public sealed class TheoryResultsAfterSubmit(CompetitionDbContext db, ScoreboardProjection projection, ILogger<TheoryResultsAfterSubmit> log)
    : IPipelineBehavior<SubmitAttempt.Command, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(SubmitAttempt.Command request, CancellationToken ct, RequestHandlerDelegate<MediatR.Unit> next)
    {
        var result = await next();
        var exam = await db.Attempts.AsNoTracking().Where(a => a.Id == request.AttemptId).Select(a => (Guid?)a.ExamId).FirstOrDefaultAsync(ct);
        if (exam is not null) await TheoryResults.RefreshAsync(db, projection, log, exam, ct);
        return result;
    }
}

public sealed class TheoryResultsAfterMarking(CompetitionDbContext db, ScoreboardProjection projection, ILogger<TheoryResultsAfterMarking> log)
    : IPipelineBehavior<MarkShortAnswer.Command, double?>
{
    public async Task<double?> Handle(MarkShortAnswer.Command request, CancellationToken ct, RequestHandlerDelegate<double?> next)
    {
        var result = await next();
        var exam = await db.Attempts.AsNoTracking().Where(a => a.Id == request.AttemptId).Select(a => (Guid?)a.ExamId).FirstOrDefaultAsync(ct);
        if (exam is not null) await TheoryResults.RefreshAsync(db, projection, log, exam, ct);
        return result;
    }
}

public sealed class TheoryResultsAfterRemark(CompetitionDbContext db, ScoreboardProjection projection, ILogger<TheoryResultsAfterRemark> log)
    : IPipelineBehavior<RemarkExam.Command, RemarkExam.Result>
{
    public async Task<RemarkExam.Result> Handle(RemarkExam.Command request, CancellationToken ct, RequestHandlerDelegate<RemarkExam.Result> next)
    {
        var result = await next();
        if (result.Applied) await TheoryResults.RefreshAsync(db, projection, log, request.ExamId, ct);
        return result;
    }
}

public sealed class TheoryResultsAfterClosing(CompetitionDbContext db, ScoreboardProjection projection, ILogger<TheoryResultsAfterClosing> log)
    : IPipelineBehavior<CloseDueAttempts.Command, CloseDueAttempts.Result>
{
    public async Task<CloseDueAttempts.Result> Handle(CloseDueAttempts.Command request, CancellationToken ct, RequestHandlerDelegate<CloseDueAttempts.Result> next)
    {
        var result = await next();
        // The result does not say which exams; every contest still open with a theory round is refreshed (merged, in the background).
        if (result.Submitted > 0) await TheoryResults.RefreshAsync(db, projection, log, examId: null, ct);
        return result;
    }
}
