using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>
/// The worker's exam lobby (the published exams they may sit, with their own attempts) or the organizer's list (their city's
/// exams); see <see cref="ExamAccess"/>.
/// </summary>
public static class ListExams
{
    public sealed record Query(Actor Actor, bool Manage = false) : IRequest<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, string Title, ExamStatus Status, DateTime OpensAt, DateTime ClosesAt, int DurationMinutes, int Questions,
        double MaxScore, double PassMark, int AttemptsAllowed, bool IsPractice, int AttemptsUsed, Guid? OpenAttempt, Guid? LastAttempt, double? BestScore, int Sittings,
        bool MayStart, string? StartNote, bool MayEdit = false, bool MayUnpublish = false, bool HasAudience = false);

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock) : IRequestHandler<Query, IReadOnlyList<Row>>
    {
        public async Task<IReadOnlyList<Row>> Handle(Query q, CancellationToken ct)
        {
            IReadOnlyList<Exam> list;
            if (q.Manage)
            {
                q.Actor.EnsureOrganizer();
                list = await ExamAccess.Managed(db.Exams.AsNoTracking(), q.Actor).OrderByDescending(e => e.OpensAt).Take(200).ToListAsync(ct);
            }
            else
            {
                // The lobby: published exams the worker may sit (or, for staff, the published ones they manage).
                list = q.Actor.WorkerId is null
                    ? await ExamAccess.Managed(db.Exams.AsNoTracking(), q.Actor).Where(e => e.Status == ExamStatus.Published)
                        .OrderByDescending(e => e.OpensAt).Take(200).ToListAsync(ct)
                    : await ExamAccess.SittableAsync(db, q.Actor, 200, ct);
            }
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
                    MayStart: worker is not null && open is null && refusal is null, StartNote: open is null ? refusal : null,
                    MayEdit: q.Manage && e.EditRefusal() is null, MayUnpublish: q.Manage && e.UnpublishRefusal(now) is null, HasAudience: !e.Audience.IsEveryone);
            }).ToList();
        }
    }
}
