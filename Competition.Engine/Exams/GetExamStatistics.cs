using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>
/// Statistics for an exam's submitted attempts. Papers are randomized but of equal make-up, so the score
/// distribution and Cronbach's alpha are taken over item positions (parallel items), while facility and
/// discrimination are taken per question over the attempts that had it, and poor questions are flagged.
/// </summary>
public static class GetExamStatistics
{
    public sealed record Query(Guid ExamId, Actor Actor) : IRequest<Result>;

    public sealed record QuestionRow(string QuestionId, string Stem, int Responses, ItemStatistics Stats);

    public sealed record Result(Guid ExamId, string Title, double MaxScore, double PassMark, int PassedCount, ExamStatisticsResult Overall, IReadOnlyList<QuestionRow> Questions);

    public sealed class Handler(CompetitionDbContext db, PaperCache papers) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == q.ExamId, ct) ?? throw new NotFoundException("考试", q.ExamId);
            ExamAccess.EnsureMayManage(q.Actor, exam);
            var attempts = await db.Attempts.AsNoTracking().Where(a => a.ExamId == exam.Id && a.State == AttemptState.Submitted).ToListAsync(ct);
            var paperItems = await papers.LoadAsync(db, attempts.Select(a => a.PaperId), ct);
            var scored = attempts.Select(a => (Attempt: a, Items: paperItems[a.PaperId], Scores: a.ItemScores.Select(s => s ?? 0).ToArray())).ToList();

            var slots = scored.FirstOrDefault().Items ?? [];
            var overall = ExamStatistics.Compute(slots.Select(i => i.Points).ToList(),
                scored.Where(s => s.Scores.Length == slots.Count).Select(s => new ScoredAttempt(s.Attempt.Id, s.Scores)).ToList(),
                slots.Select((_, i) => $"第 {i + 1} 题").ToArray(), exam.MaxScore);

            var perQuestion = scored.SelectMany(s => s.Items.Select((item, i) => (item, Score: i < s.Scores.Length ? s.Scores[i] : 0, Total: s.Scores.Sum(), s.Attempt.Id)))
                .GroupBy(x => x.item.QuestionId).ToList();
            var stems = await db.Questions.AsNoTracking().Where(x => perQuestion.Select(g => g.Key).Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Stem, ct);
            var questions = perQuestion.Select(g =>
            {
                var points = g.First().item.Points;
                // Two "items": the question and the rest of the paper; the first's figures are then the question's own.
                var stats = ExamStatistics.Compute([points, Math.Max(exam.MaxScore - points, 0)],
                    g.Select(x => new ScoredAttempt(x.Id, [x.Score, x.Total - x.Score])).ToList(), [g.Key, "rest"], exam.MaxScore).Items[0];
                var stem = stems.GetValueOrDefault(g.Key, "");
                return new QuestionRow(g.Key, stem.Length > 60 ? stem[..60] + "…" : stem, g.Count(), stats);
            }).OrderByDescending(r => r.Stats.Flag).ThenBy(r => r.Stats.Discrimination ?? 1).ToList();
            return new Result(exam.Id, exam.Title, exam.MaxScore, exam.PassMark,
                attempts.Count(a => a.Passed(exam.PassMark)), overall, questions);
        }
    }
}
