using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Rankings;

/// <summary>The organizer answers an objection; the answer is public beside it and cannot be changed.</summary>
public static class AnswerObjection
{
    public sealed record Command(Guid ObjectionId, string? Answer, Actor Actor) : IRequest<Unit>;

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command c, CancellationToken ct)
        {
            var objection = await db.ResultObjections.FirstOrDefaultAsync(o => o.Id == c.ObjectionId, ct) ?? throw new NotFoundException("异议", c.ObjectionId);
            await ResultsAccess.ManagedAsync(db, objection.VersionId, c.Actor, ct);
            var answer = c.Answer?.Trim() ?? "";
            if (answer.Length < 4 || answer.Length > ResultObjection.MaxAnswer)
                throw new ValidationException([new("Answer", $"请写明答复（4–{ResultObjection.MaxAnswer} 个字）")]);
            objection.Reply(answer, c.Actor.UserName, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
