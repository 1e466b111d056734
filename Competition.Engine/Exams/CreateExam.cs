using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;

namespace Competition.Engine.Exams;

/// <summary>
/// An organizer defines an exam from a blueprint. The bank is tried at once with several seeds, so an exam
/// that cannot be assembled is refused now, naming the cell, not on exam morning.
/// </summary>
public static class CreateExam
{
    public sealed record Command(string Title, Blueprint Blueprint, ExamSettings Settings, Actor Actor) : IRequest<Guid>;

    public static readonly TextField Title = new(nameof(Command.Title), "考试名称", 200);

    public sealed class Validator : IValidator<Command>
    {
        public IEnumerable<ValidationError> Validate(Command c)
        {
            if (Title.Error(c.Title) is { } title) yield return title;
            // A JSON body may leave parts out; say so instead of failing on them.
            if (c.Settings is null) yield return new(nameof(c.Settings), "请填写考试设置（时长、开始和结束时间等）");
            var incomplete = Incomplete(c.Blueprint);
            if (incomplete) yield return new(nameof(c.Blueprint), "蓝图不完整：每个部分需要题目格，每格需要工种、等级和知识点（可为空列表）");
            if (c.Settings is null || incomplete) yield break;
            foreach (var p in c.Blueprint.Problems()) yield return new(nameof(c.Blueprint), p);
            foreach (var p in c.Settings.Problems(c.Blueprint.MaxScore)) yield return p;
        }
    }

    private static bool Incomplete(Blueprint? b) =>
        b?.Sections is null || b.Sections.Any(s => s?.Cells is null || s.Cells.Any(x => x?.Levels is null || x.KnowledgePoints is null || x.TradeCode is null));

    public sealed class Handler(CompetitionDbContext db, QuestionCatalog catalog, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command c, CancellationToken ct)
        {
            c.Actor.EnsureOrganizer();
            var city = c.Actor.CityCode ?? "all";
            await TryAssemble(db, catalog, c.Blueprint, ct);
            var exam = new Exam(Guid.NewGuid(), Title.Value(c.Title), city, c.Blueprint, c.Settings, c.Actor.UserName, clock.GetUtcNow().UtcDateTime);
            db.Exams.Add(exam);
            await db.SaveChangesAsync(ct);
            return exam.Id;
        }
    }

    internal static async Task TryAssemble(CompetitionDbContext db, QuestionCatalog catalog, Blueprint blueprint, CancellationToken ct)
    {
        var assembler = new PaperAssembler(await catalog.IndexAsync(db, ct));
        try
        {
            for (var seed = 1; seed <= 8; seed++) assembler.Assemble(blueprint, seed);
        }
        catch (PaperAssemblyException ex) { throw new ValidationException([new(nameof(Blueprint), ex.Message)]); }
    }
}
