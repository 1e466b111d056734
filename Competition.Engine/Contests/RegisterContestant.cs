using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Contests;

/// <summary>Registers a contestant from a unit under a number (参赛号); judges will only ever see the number.</summary>
public static class RegisterContestant
{
    public sealed record Command(Guid ContestId, string Number, string Name, string UnitName, string CityCode, string Group, string? Team, Guid? WorkerId, Actor Actor)
        : IRequest<Guid>;

    public sealed class Validator : IValidator<Command>
    {
        public IEnumerable<ValidationError> Validate(Command c)
        {
            if (string.IsNullOrWhiteSpace(c.Number)) yield return new(nameof(c.Number), "请填写参赛号");
            if (string.IsNullOrWhiteSpace(c.Name)) yield return new(nameof(c.Name), "请填写姓名");
            if (string.IsNullOrWhiteSpace(c.UnitName)) yield return new(nameof(c.UnitName), "请填写单位");
        }
    }

    public sealed class Handler(CompetitionDbContext db, IMediator mediator) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command c, CancellationToken ct)
        {
            var contest = await ContestAccess.ManagedAsync(db, c.ContestId, c.Actor, ct);
            if (!contest.GroupList.Contains(c.Group.Trim())) throw new ValidationException([new(nameof(c.Group), $"组别应为 {string.Join("、", contest.GroupList)} 之一")]);
            if (!await db.Cities.AnyAsync(x => x.Code == c.CityCode, ct)) throw new ValidationException([new(nameof(c.CityCode), $"未知城市 {c.CityCode}")]);
            if (await db.Contestants.AnyAsync(x => x.ContestId == contest.Id && x.Number == c.Number.Trim(), ct))
                throw new ValidationException([new(nameof(c.Number), $"参赛号 {c.Number} 已被使用")]);
            var contestant = new Contestant(Guid.NewGuid(), contest.Id, c.Number, c.Name, c.UnitName, c.CityCode, c.Group, c.Team, c.WorkerId);
            db.Contestants.Add(contestant);
            await db.SaveChangesAsync(ct);
            await mediator.Publish(new Judging.ScoreChanged(contest.Id), ct);   // the boards gain a row
            return contestant.Id;
        }
    }
}

internal static class ContestAccess
{
    /// <summary>The contest, for an organizer of its city (or an admin).</summary>
    public static async Task<Contest> ManagedAsync(CompetitionDbContext db, Guid contestId, Actor actor, CancellationToken ct)
    {
        var contest = await db.Contests.FirstOrDefaultAsync(x => x.Id == contestId, ct) ?? throw new NotFoundException("竞赛", contestId);
        actor.EnsureOrganizer();
        if (!actor.IsAdmin && contest.CityCode != actor.CityCode) throw new ForbiddenException("只能管理本市组织的竞赛。");
        return contest;
    }
}
