using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.QuestionBank;

/// <summary>
/// Retires a question (已停用) or brings it back. Drills and new papers stop drawing it at once; papers already drawn keep it
/// (they name its version), and it stays in the bank's list with a way back.
/// </summary>
public static class RetireQuestion
{
    public sealed record Command(string Id, bool Retired, Actor Actor) : IRequest<MediatR.Unit>;

    public sealed class Handler(CompetitionDbContext db, QuestionCatalog catalog, TimeProvider clock) : IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command c, CancellationToken ct)
        {
            BankAccess.EnsureMayEdit(c.Actor);
            var q = await db.Questions.FirstOrDefaultAsync(x => x.Id == c.Id, ct) ?? throw new NotFoundException("题目", c.Id);
            if (q.SetRetired(c.Retired, clock.GetUtcNow().UtcDateTime))
            {
                await db.SaveChangesAsync(ct);
                catalog.Invalidate();
            }
            return MediatR.Unit.Value;
        }
    }
}
