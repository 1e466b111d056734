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
    public sealed record Command(string Title, Blueprint Blueprint, ExamSettings Settings, Actor Actor, ExamAudience? Audience = null) : IRequest<Guid>;

    public static readonly TextField Title = new(nameof(Command.Title), "考试名称", 200);

    public sealed class Validator : IValidator<Command>
    {
        public IEnumerable<ValidationError> Validate(Command c)
        {
            if (Title.Error(c.Title) is { } title) yield return title;
            // A JSON body may leave parts out; say so instead of failing on them.
            if (c.Settings is null) yield return new(nameof(c.Settings), "请填写考试设置（时长、开始和结束时间等）");
            if (c.Blueprint is null) { yield return new(nameof(c.Blueprint), "蓝图不完整：请填写蓝图（各部分的题型、题数和分值）"); yield break; }
            var problems = c.Blueprint.Problems().ToList();
            foreach (var p in problems) yield return new(nameof(c.Blueprint), p);
            if (problems.Count == 0 && MissingKnowledgePoints(c.Blueprint))
                yield return new(nameof(c.Blueprint), "蓝图不完整：每格需要知识点列表（不限知识点时为空列表）");
            // The pass mark is checked against the paper's total only when the blueprint itself is sound.
            if (c.Settings is not null)
                foreach (var p in c.Settings.Problems(problems.Count == 0 ? c.Blueprint.MaxScore : double.PositiveInfinity)) yield return p;
        }
    }

    private static bool MissingKnowledgePoints(Blueprint b) => b.Sections.Any(s => s.Cells.Any(x => x.KnowledgePoints is null));

    public sealed class Handler(CompetitionDbContext db, QuestionCatalog catalog, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command c, CancellationToken ct)
        {
            c.Actor.EnsureOrganizer();
            var city = c.Actor.CityCode ?? "all";
            var audience = c.Audience ?? ExamAudience.Everyone;
            await ExamAudienceChoices.EnsureAllowedAsync(db, c.Actor, audience, ct);
            await TryAssemble(db, catalog, c.Blueprint, ct);
            var exam = new Exam(Guid.NewGuid(), Title.Value(c.Title), city, c.Blueprint, c.Settings, c.Actor.UserName, clock.GetUtcNow().UtcDateTime);
            exam.SetAudience(audience);
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
