using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>
/// A sample paper as a worker would see it: drawn by the same assembler with the exam's blueprint and shuffling, rendered like
/// the exam page, and never saved (no paper, no attempt), so previewing changes nothing a worker will get.
/// </summary>
public static class PreviewPaper
{
    /// <param name="Seed">Which sample; another seed draws another paper.</param>
    public sealed record Query(Guid ExamId, int Seed, Actor Actor) : IRequest<Result>;

    public sealed record Option(string Label, string Html);

    public sealed record Item(int Index, string SectionTitle, QuestionType Type, double Points, string StemHtml, IReadOnlyList<Option> Options,
        int Blanks, string QuestionId, int Version);

    public sealed record Result(Guid ExamId, string Title, int Seed, int DurationMinutes, double MaxScore, double PassMark, IReadOnlyList<Item> Items);

    public sealed class Handler(CompetitionDbContext db, QuestionCatalog catalog) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == q.ExamId, ct) ?? throw new NotFoundException("考试", q.ExamId);
            ExamAccess.EnsureMayManage(q.Actor, exam);
            IReadOnlyList<PaperItem> drawn;
            try { drawn = new PaperAssembler(await catalog.IndexAsync(db, ct)).Assemble(exam.Blueprint, q.Seed, exam.ShuffleQuestions, exam.ShuffleOptions); }
            catch (PaperAssemblyException ex) { throw new RuleViolationException($"按当前题库无法组卷：{ex.Message} 请修改蓝图或补充题目。"); }
            var versions = await catalog.LoadAsync(db, drawn.Select(i => (i.QuestionId, i.Version)), ct);
            var sections = exam.Blueprint.Sections;
            var items = drawn.Select((item, i) =>
            {
                var r = versions[(item.QuestionId, item.Version)];
                var options = item.OptionOrder.Select((key, pos) => new Option(AnswerReview.LabelAt(pos), r.OptionHtml[key.ToString()])).ToList();
                return new Item(i, sections[item.Section].Title, r.Content.Type, item.Points, r.StemHtml, options,
                    QuestionRules.CountBlanks(r.Content.Stem), item.QuestionId, item.Version);
            }).ToList();
            return new Result(exam.Id, exam.Title, q.Seed, exam.DurationMinutes, exam.MaxScore, exam.PassMark, items);
        }
    }
}
