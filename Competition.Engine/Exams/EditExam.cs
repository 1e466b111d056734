using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;

namespace Competition.Engine.Exams;

/// <summary>
/// An organizer rewrites a draft (never published, or taken back before it opened). A published or closed exam is refused,
/// saying what to do instead; the blueprint is tried against the bank as on creation.
/// </summary>
public static class EditExam
{
    public sealed record Command(Guid ExamId, string Title, Blueprint Blueprint, ExamSettings Settings, ExamAudience? Audience, Actor Actor) : IRequest<MediatR.Unit>;

    public sealed class Validator : IValidator<Command>
    {
        private static readonly CreateExam.Validator Create = new();

        public IEnumerable<ValidationError> Validate(Command c) => Create.Validate(new CreateExam.Command(c.Title, c.Blueprint, c.Settings, c.Actor));
    }

    public sealed class Handler(CompetitionDbContext db, QuestionCatalog catalog) : IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command c, CancellationToken ct)
        {
            var exam = await db.Exams.FindAsync([c.ExamId], ct) ?? throw new NotFoundException("考试", c.ExamId);
            ExamAccess.EnsureMayManage(c.Actor, exam);
            if (exam.EditRefusal() is { } why) throw new RuleViolationException(why);
            var audience = c.Audience ?? ExamAudience.Everyone;
            await ExamAudienceChoices.EnsureAllowedAsync(db, c.Actor, audience, ct);
            await CreateExam.TryAssemble(db, catalog, c.Blueprint, ct);
            exam.EditDraft(CreateExam.Title.Value(c.Title), c.Blueprint, c.Settings, audience);
            await db.SaveChangesAsync(ct);
            return MediatR.Unit.Value;
        }
    }
}
