using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Contests;

/// <summary>Assigns a judge (or chief judge) account to a round's station.</summary>
public static class AssignJudge
{
    public sealed record Command(Guid ContestId, Guid RoundId, string Station, string JudgeUserName, Actor Actor) : IRequest<Guid>;

    /// <summary>The same text rule and limits as the contest's stations; a 1 MB station was a 500 on PostgreSQL.</summary>
    public sealed class Validator : IValidator<Command>
    {
        private static readonly TextField Judge = new(nameof(Command.JudgeUserName), "裁判账号", 256, TextShape.Code);

        public IEnumerable<ValidationError> Validate(Command c) =>
            new[] { (ContestInput.Station with { Name = nameof(c.Station) }).Error(c.Station), Judge.Error(c.JudgeUserName) }.OfType<ValidationError>();
    }

    public sealed class Handler(CompetitionDbContext db, UserManager<AppUser> users) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command c, CancellationToken ct)
        {
            var contest = await ContestAccess.ManagedAsync(db, c.ContestId, c.Actor, ct);
            var round = await db.Rounds.FirstOrDefaultAsync(r => r.Id == c.RoundId && r.ContestId == contest.Id, ct) ?? throw new NotFoundException("轮次", c.RoundId);
            var judge = await users.FindByNameAsync(c.JudgeUserName) ?? throw new ValidationException([new("JudgeUserName", $"账号 {c.JudgeUserName} 不存在")]);
            if (!await users.IsInRoleAsync(judge, Roles.Judge) && !await users.IsInRoleAsync(judge, Roles.ChiefJudge))
                throw new ValidationException([new("JudgeUserName", $"{c.JudgeUserName} 不是裁判账号")]);
            var existing = await db.JudgeAssignments.FirstOrDefaultAsync(a => a.RoundId == round.Id && a.Station == c.Station && a.JudgeUserId == judge.Id, ct);
            if (existing is not null) return existing.Id;
            var assignment = new JudgeAssignment(Guid.NewGuid(), contest.Id, round.Id, c.Station.Trim(), judge.Id);
            db.JudgeAssignments.Add(assignment);
            await db.SaveChangesAsync(ct);
            return assignment.Id;
        }
    }
}
