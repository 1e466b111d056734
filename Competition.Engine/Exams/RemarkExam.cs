using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>
/// After a key is corrected (a new question version), re-marks submitted attempts against the current keys.
/// A dry run shows whose scores would change and writes nothing. Marks given by a person are kept.
/// </summary>
public static class RemarkExam
{
    public sealed record Command(Guid ExamId, bool DryRun, Actor Actor) : IRequest<Result>;

    public sealed record Change(Guid AttemptId, string Worker, double? OldScore, double NewScore);

    public sealed record Result(bool Applied, int Checked, IReadOnlyList<Change> Changes);

    public sealed class Handler(CompetitionDbContext db, PaperCache papers) : IRequestHandler<Command, Result>
    {
        private const int Tries = 3;

        // A person marked (or another re-mark ran) while this one computed: start again from the scores as they are now.
        public Task<Result> Handle(Command c, CancellationToken ct) =>
            Concurrency.RetryAsync(db, () => RemarkAsync(c, ct), "重新评分期间成绩被其他人同时修改，本次重新评分未保存，请稍后重试。", Tries);

        private async Task<Result> RemarkAsync(Command c, CancellationToken ct)
        {
            var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == c.ExamId, ct) ?? throw new NotFoundException("考试", c.ExamId);
            ExamAccess.EnsureMayManage(c.Actor, exam);
            var attempts = await db.Attempts.Where(a => a.ExamId == exam.Id && a.State == AttemptState.Submitted).ToListAsync(ct);
            var paperItems = await papers.LoadAsync(db, attempts.Select(a => a.PaperId), ct);
            var questionIds = paperItems.Values.SelectMany(p => p).Select(i => i.QuestionId).Distinct().ToList();
            var current = await db.Questions.AsNoTracking().Where(q => questionIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, q => q.Content, ct);
            var names = await db.Workers.AsNoTracking().Where(w => attempts.Select(a => a.WorkerId).Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name, ct);
            var responses = (await db.AttemptAnswers.AsNoTracking().Where(a => attempts.Select(x => x.Id).Contains(a.AttemptId))
                    .Select(a => new { a.AttemptId, a.Item, a.Response, a.Awarded, a.MarkedBy }).ToListAsync(ct))
                .GroupBy(a => a.AttemptId).ToDictionary(g => g.Key, g => g.ToList());

            var changes = new List<Change>();
            foreach (var attempt in attempts)
            {
                var rows = responses.GetValueOrDefault(attempt.Id) ?? [];
                var items = paperItems[attempt.PaperId];
                var scores = AttemptMarking.Mark(items, rows.ToDictionary(r => r.Item, r => r.Response), item => current[item.QuestionId], exam.MultipleScoring);
                foreach (var person in rows.Where(r => r.MarkedBy is not null && r.Awarded is not null)) scores[person.Item] = person.Awarded;
                var old = attempt.ItemScores;
                if (old.Length == scores.Length && old.SequenceEqual(scores)) continue;
                var newScore = Math.Round(scores.Sum(s => s ?? 0), 2);
                changes.Add(new Change(attempt.Id, names.GetValueOrDefault(attempt.WorkerId, "?"), attempt.Score, newScore));
                if (!c.DryRun) attempt.Remark(scores);
            }
            if (!c.DryRun) await db.SaveChangesAsync(ct);
            return new Result(!c.DryRun, attempts.Count, changes);
        }
    }
}
