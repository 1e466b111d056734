using Competition.Engine.Common;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.QuestionBank;

/// <summary>
/// Where a question was used: the papers that drew it (by version, per exam) and the drills that served it. Exams the actor
/// manages are named; other cities' exams are only counted, so the page does not show another city's exams.
/// </summary>
public static class GetQuestionUsage
{
    public sealed record Query(string Id, Actor Actor) : IRequest<Result>;

    public sealed record ExamUse(Guid ExamId, string Title, ExamStatus Status, int Papers, IReadOnlyList<int> Versions);

    public sealed record Result(string Id, int Papers, IReadOnlyDictionary<int, int> PapersByVersion, IReadOnlyList<ExamUse> Exams, int OtherExams,
        int DrillWorkers, int DrillAnswers, int InWrongBooks, bool Retired);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            BankAccess.EnsureMayBrowse(q.Actor);
            var question = await db.Questions.AsNoTracking().Where(x => x.Id == q.Id).Select(x => new { x.Id, x.Retired }).FirstOrDefaultAsync(ct)
                           ?? throw new NotFoundException("题目", q.Id);
            // Papers store their items as JSON; the id is matched as a whole JSON value, then each paper is read for its version.
            var needle = $"\"QuestionId\":\"{q.Id}\"";
            var papers = await db.Papers.AsNoTracking().Where(p => p.ItemsJson.Contains(needle)).Select(p => new { p.ExamId, p.ItemsJson }).ToListAsync(ct);
            var drawn = papers.Select(p => new
            {
                p.ExamId,
                Version = System.Text.Json.JsonSerializer.Deserialize<List<PaperItem>>(p.ItemsJson)!.First(i => i.QuestionId == q.Id).Version,
            }).ToList();
            var examIds = drawn.Select(d => d.ExamId).Distinct().ToList();
            var managed = await ExamAccess.Managed(db.Exams.AsNoTracking(), q.Actor).Where(e => examIds.Contains(e.Id))
                .Select(e => new { e.Id, e.Title, e.Status }).ToListAsync(ct);
            var exams = managed.Select(e =>
            {
                var mine = drawn.Where(d => d.ExamId == e.Id).ToList();
                return new ExamUse(e.Id, e.Title, e.Status, mine.Count, mine.Select(d => d.Version).Distinct().Order().ToList());
            }).OrderByDescending(e => e.Papers).ToList();
            var records = db.PracticeRecords.AsNoTracking().Where(r => r.QuestionId == q.Id);
            var drillWorkers = await records.CountAsync(ct);
            var drillAnswers = await records.SumAsync(r => (int?)r.Seen, ct) ?? 0;
            var wrong = await db.WrongBookEntries.AsNoTracking().CountAsync(e => e.QuestionId == q.Id && e.MasteredAt == null, ct);
            return new Result(q.Id, drawn.Count, drawn.GroupBy(d => d.Version).ToDictionary(g => g.Key, g => g.Count()), exams,
                examIds.Count - exams.Count, drillWorkers, drillAnswers, wrong, question.Retired);
        }
    }
}
