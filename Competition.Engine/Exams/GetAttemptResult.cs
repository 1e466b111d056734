using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>What a worker sees after submitting, as far as the exam allows: score, the key, explanations.</summary>
public static class GetAttemptResult
{
    public sealed record Query(Guid AttemptId, Actor Actor) : IRequest<Result>;

    public sealed record ItemResult(int Index, string StemHtml, string? Response, string? ResponseDisplay, double? Awarded, double Points,
        string? Key, string? ExplanationHtml);

    public sealed record Result(Guid AttemptId, string Title, AttemptState State, double? Score, double MaxScore, double PassMark, bool? Passed,
        int PendingMarks, ReviewOptions Review, IReadOnlyList<ItemResult> Items);

    public sealed class Handler(CompetitionDbContext db, PaperCache papers, QuestionCatalog catalog) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var attempt = await db.Attempts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == q.AttemptId, ct) ?? throw new NotFoundException("作答", q.AttemptId);
            var exam = await db.Exams.AsNoTracking().FirstAsync(e => e.Id == attempt.ExamId, ct);
            AttemptAccess.EnsureMayReview(q.Actor, attempt, exam);
            // The exam's organizers see everything; the worker what the exam allows.
            var review = ExamAccess.MayManage(q.Actor, exam) ? ReviewOptions.Score | ReviewOptions.Key | ReviewOptions.Explanations : exam.Review;
            if (attempt.IsOpen) review = ReviewOptions.None;
            var items = await papers.ItemsAsync(db, attempt.PaperId, ct);
            await catalog.PreloadAsync(db, items.Select(i => (i.QuestionId, i.Version)), ct);
            var answers = await db.AttemptAnswers.AsNoTracking().Where(a => a.AttemptId == attempt.Id).ToDictionaryAsync(a => a.Item, a => a.Response, ct);
            var scores = attempt.ItemScores;
            var showKey = review.HasFlag(ReviewOptions.Key);
            var list = items.Select((item, i) =>
            {
                var r = catalog.Cached(item.QuestionId, item.Version);
                var response = answers.GetValueOrDefault(i);
                return new ItemResult(i, r.StemHtml, response, Display(item, response), review.HasFlag(ReviewOptions.Score) && i < scores.Length ? scores[i] : null,
                    item.Points, showKey ? Display(item, KeyResponse(r.Content)) : null, review.HasFlag(ReviewOptions.Explanations) ? r.ExplanationHtml : null);
            }).ToList();
            var showScore = review.HasFlag(ReviewOptions.Score);
            return new Result(attempt.Id, exam.Title, attempt.State, showScore ? attempt.Score : null, attempt.MaxScore, exam.PassMark,
                showScore && attempt.State == AttemptState.Submitted && attempt.PendingMarks == 0 ? attempt.Passed(exam.PassMark) : null,
                attempt.PendingMarks, review, list);
        }
    }

    private static string KeyResponse(QuestionBank.QuestionContent c) =>
        c.Type == QuestionBank.QuestionType.FillBlank ? System.Text.Json.JsonSerializer.Serialize(c.Answer.Select(a => a.Split('|')[0])) : string.Concat(c.Answer);

    /// <summary>Shows option answers by the labels this candidate saw (their shuffled order), not the bank's keys.</summary>
    public static string? Display(PaperItem item, string? response)
    {
        if (string.IsNullOrEmpty(response)) return null;
        if (item.OptionOrder.Length > 0 && response.All(char.IsLetter))
            return string.Concat(response.Select(k => item.OptionOrder.IndexOf(char.ToUpperInvariant(k)) is var p and >= 0 ? ((char)('A' + p)).ToString() : "?").Order());
        if (response is "true" or "false") return response == "true" ? "对" : "错";
        return response.StartsWith('[') ? string.Join(" / ", Marker.FillResponses(response)) : response;
    }
}
