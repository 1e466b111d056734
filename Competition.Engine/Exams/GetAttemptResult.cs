using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>
/// What a worker sees after submitting, as far as the exam allows: score, the key, explanations — each question as
/// this worker saw it (their option order and labels, see <see cref="AnswerReview"/>).
/// </summary>
public static class GetAttemptResult
{
    public sealed record Query(Guid AttemptId, Actor Actor) : IRequest<Result>;

    /// <param name="Options">The options in the worker's order, with their labels, choice and (if shown) key.</param>
    /// <param name="ResponseDisplay">The response as read: "C（50 V）" for options (the worker's label and the text), 对/错, blanks, text.</param>
    /// <param name="Key">The key in the same form; null when the exam does not show keys.</param>
    /// <param name="LetterNote">When the explanation names option letters of the bank's order: which is which on this paper.</param>
    public sealed record ItemResult(int Index, QuestionType Type, string StemHtml, IReadOnlyList<ReviewOption> Options, string? Response,
        string? ResponseDisplay, double? Awarded, double Points, string? Key, string? ExplanationHtml, string? LetterNote);

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
            var versions = await catalog.LoadAsync(db, items.Select(i => (i.QuestionId, i.Version)), ct);
            var answers = await db.AttemptAnswers.AsNoTracking().Where(a => a.AttemptId == attempt.Id).ToDictionaryAsync(a => a.Item, a => a.Response, ct);
            var scores = attempt.ItemScores;
            var showKey = review.HasFlag(ReviewOptions.Key);
            var showExplanation = review.HasFlag(ReviewOptions.Explanations);
            var list = items.Select((item, i) =>
            {
                var r = versions[(item.QuestionId, item.Version)];
                var response = answers.GetValueOrDefault(i);
                var options = AnswerReview.Options(item, r.Content, r.OptionHtml, response, showKey);
                // Choices are named by the labels this worker saw, with their text; other answers as read.
                var display = options.Count > 0 ? AnswerReview.Describe(options.Where(o => o.Chosen)) : AnswerReview.Display(item, response);
                var key = !showKey ? null
                    : options.Count > 0 ? AnswerReview.Describe(options.Where(o => o.IsKey))
                    : AnswerReview.Display(item, AnswerReview.KeyResponse(r.Content));
                return new ItemResult(i, r.Content.Type, r.StemHtml, options, response, display,
                    review.HasFlag(ReviewOptions.Score) && i < scores.Length ? scores[i] : null, item.Points, key,
                    showExplanation ? r.ExplanationHtml : null, showExplanation ? AnswerReview.LetterNote(item, r.Content) : null);
            }).ToList();
            var showScore = review.HasFlag(ReviewOptions.Score);
            return new Result(attempt.Id, exam.Title, attempt.State, showScore ? attempt.Score : null, attempt.MaxScore, exam.PassMark,
                showScore && attempt.State == AttemptState.Submitted && attempt.PendingMarks == 0 ? attempt.Passed(exam.PassMark) : null,
                attempt.PendingMarks, review, list);
        }
    }
}
