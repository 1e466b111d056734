using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>The worker's exam lobby (published exams, with their own attempts) or the organizer's list (their city's exams).</summary>
public static class ListExams
{
    public sealed record Query(Actor Actor, bool Manage = false) : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, string Title, ExamStatus Status, DateTime OpensAt, DateTime ClosesAt, int DurationMinutes, int Questions,
        double MaxScore, double PassMark, int AttemptsAllowed, bool IsPractice, int AttemptsUsed, Guid? OpenAttempt, Guid? LastAttempt, double? BestScore, int Sittings,
        bool MayStart, string? StartNote);

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query q, CancellationToken ct)
        {
            var exams = db.Exams.AsNoTracking();
            if (q.Manage)
            {
                q.Actor.EnsureOrganizer();
                if (!q.Actor.IsAdmin) exams = exams.Where(e => e.CityCode == q.Actor.CityCode);
            }
            else exams = exams.Where(e => e.Status == ExamStatus.Published);
            var list = await exams.OrderByDescending(e => e.OpensAt).Take(200).ToListAsync(ct);
            var ids = list.Select(e => e.Id).ToList();
            var worker = q.Actor.WorkerId;
            var mine = worker is null ? [] : await db.Attempts.AsNoTracking().Where(a => a.WorkerId == worker && ids.Contains(a.ExamId))
                .Select(a => new { a.ExamId, a.Id, a.State, a.Score, a.AttemptNo }).ToListAsync(ct);
            var sittings = q.Manage ? await db.Attempts.AsNoTracking().Where(a => ids.Contains(a.ExamId)).GroupBy(a => a.ExamId)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct) : [];
            var now = clock.GetUtcNow().UtcDateTime;
            return list.Select(e =>
            {
                var own = mine.Where(a => a.ExamId == e.Id).ToList();
                var open = own.FirstOrDefault(a => AnswerAcceptance.IsOpenState(a.State))?.Id;
                // The same rule StartAttempt enforces, so the lobby never offers a start the server will refuse.
                var refusal = worker is null ? null : e.StartRefusal(now, own.Count);
                return new Row(e.Id, e.Title, e.Status, e.OpensAt, e.ClosesAt, e.DurationMinutes, e.Blueprint.QuestionCount, e.MaxScore, e.PassMark,
                    e.AttemptsAllowed, e.IsPractice, own.Count, open,
                    own.OrderByDescending(a => a.AttemptNo).FirstOrDefault()?.Id, own.Max(a => a.Score), sittings.GetValueOrDefault(e.Id),
                    MayStart: worker is not null && open is null && refusal is null, StartNote: open is null ? refusal : null);
            }).ToList();
        }
    }
}
