using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>What the exam page needs before its script loads the paper: that the attempt is the worker's own, and its title.</summary>
public static class GetAttemptHeader
{
    public sealed record Query(Guid AttemptId, Actor Actor) : IRequest<Result>;

    public sealed record Result(Guid AttemptId, string Title, AttemptState State);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var row = await (from a in db.Attempts.AsNoTracking()
                             join e in db.Exams on a.ExamId equals e.Id
                             where a.Id == q.AttemptId
                             select new { a.WorkerId, e.Title, a.State }).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("作答", q.AttemptId);
            AttemptAccess.EnsureOwner(q.Actor, row.WorkerId);
            return new Result(q.AttemptId, row.Title, row.State);
        }
    }
}
