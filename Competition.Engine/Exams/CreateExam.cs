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
            if (c.Blueprint is null) yield return new(nameof(c.Blueprint), "请填写蓝图（各部分的题型、题数和分值）");
            else foreach (var p in c.Blueprint.Problems()) yield return new(nameof(c.Blueprint), p);
            if (c.Settings is null) yield return new(nameof(c.Settings), "请填写考试设置（时长、开始和结束时间等）");
            else if (c.Blueprint is not null) foreach (var p in c.Settings.Problems(c.Blueprint.MaxScore)) yield return p;
        }
    }

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
