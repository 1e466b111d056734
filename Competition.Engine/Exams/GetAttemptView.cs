using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>
/// Everything the exam page needs to show or resume an attempt: the paper as this candidate sees it (options
/// relabelled A, B, C … in their shuffled order but answered by original key), saved answers and flags, and
/// the seconds left by the server's clock — never the phone's.
/// </summary>
public static class GetAttemptView
{
    public sealed record Query(Guid AttemptId, Actor Actor) : IRequest<View>;

    public sealed record Option(string Label, string Key, string Html);

    /// <param name="Version">The stored answer's version (0: none), the base the page sends with its next answer.</param>
    /// <param name="Writer">The browser that stored it, and its count: the page drops unsent answers already stored.</param>
    public sealed record Item(int Index, int Section, string SectionTitle, QuestionType Type, double Points, string StemHtml,
        IReadOnlyList<Option> Options, int Blanks, string? Response, bool Flagged, long Version, string? Writer, long WriterSeq);

    /// <param name="AcceptsAnswers">Whether an answer given now is taken (<see cref="AnswerAcceptance"/>).</param>
    public sealed record View(Guid AttemptId, Guid ExamId, string Title, AttemptState State, bool AcceptsAnswers, DateTime Deadline, DateTime CloseAt,
        DateTime ServerNow, double SecondsLeft, double MaxScore, IReadOnlyList<Item> Items);

    public sealed class Handler(CompetitionDbContext db, PaperCache papers, QuestionCatalog catalog, TimeProvider clock) : IRequestHandler<Query, View>
    {
        public async Task<View> Handle(Query q, CancellationToken ct)
        {
            var attempt = await db.Attempts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == q.AttemptId, ct) ?? throw new NotFoundException("作答", q.AttemptId);
            AttemptAccess.EnsureOwner(q.Actor, attempt.WorkerId);
            var exam = await db.Exams.AsNoTracking().FirstAsync(e => e.Id == attempt.ExamId, ct);
            var sections = exam.Blueprint.Sections;
            var items = await papers.ItemsAsync(db, attempt.PaperId, ct);
            var versions = await catalog.LoadAsync(db, items.Select(i => (i.QuestionId, i.Version)), ct);
            var answers = await db.AttemptAnswers.AsNoTracking().Where(a => a.AttemptId == attempt.Id).ToDictionaryAsync(a => a.Item, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var view = items.Select((item, i) =>
            {
                var r = versions[(item.QuestionId, item.Version)];
                var options = item.OptionOrder.Select((key, pos) => new Option(AnswerReview.LabelAt(pos), key.ToString(), r.OptionHtml[key.ToString()])).ToList();
                answers.TryGetValue(i, out var saved);
                return new Item(i, item.Section, sections[item.Section].Title, r.Content.Type, item.Points, r.StemHtml, options,
                    QuestionRules.CountBlanks(r.Content.Stem), saved?.Response, saved?.Flagged ?? false, saved?.Version ?? 0, saved?.Writer, saved?.WriterSeq ?? 0);
            }).ToList();
            return new View(attempt.Id, exam.Id, exam.Title, attempt.State, AnswerAcceptance.Accepts(attempt.State, attempt.CloseAt, now),
                attempt.Deadline, attempt.CloseAt, now,
                Math.Max(0, (attempt.CloseAt - now).TotalSeconds), attempt.MaxScore, view);
        }
    }
}
