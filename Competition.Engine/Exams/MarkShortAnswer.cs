using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>The marking queue for short answers, and a person's mark for one of them.</summary>
public static class MarkShortAnswer
{
    public sealed record QueueQuery(Guid ExamId, Actor Actor) : IRequest<IReadOnlyList<QueueRow>>;

    public sealed record QueueRow(Guid AttemptId, int Item, string StemHtml, string ReferenceAnswer, string Response, double Points);

    public sealed record Command(Guid AttemptId, int Item, double Awarded, Actor Actor) : IRequest<double?>;

    public sealed class QueueHandler(CompetitionDbContext db, PaperCache papers, QuestionCatalog catalog) : IRequestHandler<QueueQuery, IReadOnlyList<QueueRow>>
    {
        public async Task<IReadOnlyList<QueueRow>> Handle(QueueQuery q, CancellationToken ct)
        {
            var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == q.ExamId, ct) ?? throw new NotFoundException("考试", q.ExamId);
            ExamAccess.EnsureMayManage(q.Actor, exam);
            var rows = await (from a in db.AttemptAnswers.AsNoTracking().Where(a => a.NeedsMarking)
                              join t in db.Attempts.Where(t => t.ExamId == exam.Id) on a.AttemptId equals t.Id
                              select new { a.AttemptId, a.Item, a.Response, t.PaperId }).Take(500).ToListAsync(ct);
            var result = new List<QueueRow>();
            foreach (var r in rows)
            {
                var item = (await papers.ItemsAsync(db, r.PaperId, ct))[r.Item];
                var v = await catalog.VersionAsync(db, item.QuestionId, item.Version, ct);
                result.Add(new QueueRow(r.AttemptId, r.Item, v.StemHtml, v.Content.AnswerDisplay, r.Response, item.Points));
            }
            return result;
        }
    }

    public sealed class Handler(CompetitionDbContext db, PaperCache papers) : IRequestHandler<Command, double?>
    {
        public async Task<double?> Handle(Command c, CancellationToken ct)
        {
            var attempt = await db.Attempts.FindAsync([c.AttemptId], ct) ?? throw new NotFoundException("作答", c.AttemptId);
            var exam = await db.Exams.AsNoTracking().FirstAsync(e => e.Id == attempt.ExamId, ct);
            ExamAccess.EnsureMayManage(c.Actor, exam);
            var item = (await papers.ItemsAsync(db, attempt.PaperId, ct))[c.Item];
            if (c.Awarded < 0 || c.Awarded > item.Points) throw new ValidationException([new(nameof(c.Awarded), $"得分应在 0–{item.Points:0.##} 之间")]);
            var answer = await db.AttemptAnswers.FirstOrDefaultAsync(a => a.AttemptId == c.AttemptId && a.Item == c.Item, ct)
                         ?? throw new NotFoundException("答案", $"{c.AttemptId}#{c.Item}");
            answer.MarkByPerson(c.Awarded, c.Actor.UserName);
            var scores = attempt.ItemScores;
            scores[c.Item] = c.Awarded;
            attempt.Remark(scores);
            await db.SaveChangesAsync(ct);
            return attempt.Score;
        }
    }
}
