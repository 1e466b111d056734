using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>
/// The marking queue for short answers, and a person's mark for one of them. Only short answers of submitted attempts
/// are marked by a person; the attempt's row version keeps two markers (or a marker and a re-mark) from overwriting
/// each other's item scores: the later one reads the attempt again and applies its mark to the newer scores.
/// </summary>
public static class MarkShortAnswer
{
    public sealed record QueueQuery(Guid ExamId, Actor Actor) : IRequest<IReadOnlyList<QueueRow>>;

    public sealed record QueueRow(Guid AttemptId, int Item, string StemHtml, string ReferenceAnswer, string Response, double Points);

    public sealed record Command(Guid AttemptId, int Item, double Awarded, Actor Actor) : IRequest<double?>;

    public sealed class Validator : IValidator<Command>
    {
        public IEnumerable<ValidationError> Validate(Command c)
        {
            if (c.Item < 0) yield return new(nameof(c.Item), "题号无效");
            if (!double.IsFinite(c.Awarded)) yield return new(nameof(c.Awarded), "得分必须是数字");
            else if (Math.Round(c.Awarded, 2) != c.Awarded) yield return new(nameof(c.Awarded), "得分最多保留两位小数");
        }
    }

    public sealed class QueueHandler(CompetitionDbContext db, PaperCache papers, QuestionCatalog catalog) : IRequestHandler<QueueQuery, IReadOnlyList<QueueRow>>
    {
        public async Task<IReadOnlyList<QueueRow>> Handle(QueueQuery q, CancellationToken ct)
        {
            var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == q.ExamId, ct) ?? throw new NotFoundException("考试", q.ExamId);
            ExamAccess.EnsureMayManage(q.Actor, exam);
            var rows = await (from a in db.AttemptAnswers.AsNoTracking().Where(a => a.NeedsMarking)
                              join t in db.Attempts.Where(t => t.ExamId == exam.Id) on a.AttemptId equals t.Id
                              select new { a.AttemptId, a.Item, a.Response, t.PaperId }).Take(500).ToListAsync(ct);
            var paperItems = await papers.LoadAsync(db, rows.Select(r => r.PaperId), ct);
            var versions = await catalog.LoadAsync(db, rows.Select(r => paperItems[r.PaperId][r.Item]).Select(i => (i.QuestionId, i.Version)), ct);
            return rows.Select(r =>
            {
                var item = paperItems[r.PaperId][r.Item];
                var v = versions[(item.QuestionId, item.Version)];
                return new QueueRow(r.AttemptId, r.Item, v.StemHtml, v.Content.AnswerDisplay, r.Response, item.Points);
            }).ToList();
        }
    }

    public sealed class Handler(CompetitionDbContext db, PaperCache papers, QuestionCatalog catalog) : IRequestHandler<Command, double?>
    {
        private const int Tries = 5;

        // Someone changed the attempt's scores since they were read: read again and apply this mark to theirs.
        public Task<double?> Handle(Command c, CancellationToken ct) =>
            Concurrency.RetryAsync(db, () => MarkAsync(c, ct), "这份作答的成绩正被其他人同时修改，本次评分未保存，请刷新后重试。", Tries);

        private async Task<double?> MarkAsync(Command c, CancellationToken ct)
        {
            var attempt = await db.Attempts.FirstOrDefaultAsync(a => a.Id == c.AttemptId, ct) ?? throw new NotFoundException("作答", c.AttemptId);
            var exam = await db.Exams.AsNoTracking().FirstAsync(e => e.Id == attempt.ExamId, ct);
            ExamAccess.EnsureMayManage(c.Actor, exam);
            var items = await papers.ItemsAsync(db, attempt.PaperId, ct);
            if (c.Item >= items.Count) throw new ValidationException([new(nameof(c.Item), $"题号 {c.Item + 1} 超出试卷范围（共 {items.Count} 题）")]);
            var item = items[c.Item];
            var content = (await catalog.VersionAsync(db, item.QuestionId, item.Version, ct)).Content;
            if (c.Awarded < 0 || c.Awarded > item.Points) throw new ValidationException([new(nameof(c.Awarded), $"得分应在 0–{item.Points:0.##} 之间")]);
            attempt.RecordPersonMark(c.Item, c.Awarded, markedByPerson: content.Type == QuestionType.ShortAnswer);
            var answer = await db.AttemptAnswers.FirstOrDefaultAsync(a => a.AttemptId == c.AttemptId && a.Item == c.Item, ct)
                         ?? throw new RuleViolationException($"第 {c.Item + 1} 题未作答，交卷时已按 0 分计，无需阅卷。");
            answer.MarkByPerson(c.Awarded, c.Actor.UserName);
            await db.SaveChangesAsync(ct);
            return attempt.Score;
        }
    }
}
