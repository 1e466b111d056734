using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.QuestionBank;

/// <summary>
/// An organizer gives a question back to the shipped bank: the shipped file's text, kept aside while the organizer's
/// edit had precedence, becomes a new version, and later changes to the file apply again.
/// </summary>
public static class AdoptShippedText
{
    public sealed record Command(string QuestionId, Actor Actor) : IRequest<int>;

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock, QuestionCatalog catalog) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command c, CancellationToken ct)
        {
            BankAccess.EnsureMayImport(c.Actor);   // giving a question back to the shipped text is an edit of the bank
            var q = await db.Questions.FirstOrDefaultAsync(x => x.Id == c.QuestionId, ct) ?? throw new NotFoundException("题目", c.QuestionId);
            if (!q.AdoptShipped(clock.GetUtcNow().UtcDateTime, c.Actor.UserName))
                throw new RuleViolationException($"题目 {q.Id} 没有与当前文本不同的随附题库文本，无需改用。");
            db.QuestionVersions.Add(q.Versions[^1]);
            await db.SaveChangesAsync(ct);
            catalog.Invalidate();
            return q.CurrentVersion;
        }
    }
}
