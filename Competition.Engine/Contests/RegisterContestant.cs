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
        public IEnumerable<ValidationError> Validate(Command c) => new[]
        {
            ContestantFields.Number.Error(c.Number), ContestantFields.Name.Error(c.Name), ContestantFields.UnitName.Error(c.UnitName),
            ContestantFields.City.Error(c.CityCode), ContestantFields.Group.Error(c.Group), ContestantFields.Team.Error(c.Team),
        }.OfType<ValidationError>();
    }

    public sealed class Handler(CompetitionDbContext db, IMediator mediator) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command c, CancellationToken ct)
        {
            var contest = await ContestAccess.ManagedAsync(db, c.ContestId, c.Actor, ct);
            var number = ContestantFields.Number.Value(c.Number);
            var city = ContestantFields.City.Value(c.CityCode);
            var group = ContestantFields.MatchGroup(contest, ContestantFields.Group.Value(c.Group))
                        ?? throw new ValidationException([new(nameof(c.Group), $"组别应为 {string.Join("、", contest.GroupList)} 之一")]);
            var cityCode = await db.Cities.Where(x => x.Code == city || x.Name == city).Select(x => x.Code).FirstOrDefaultAsync(ct)
                           ?? throw new ValidationException([new(nameof(c.CityCode), $"未知城市 '{TextRules.Quote(city)}'")]);
            var key = ContestantFields.NumberKey(number);
            var numbers = await db.Contestants.AsNoTracking().Where(x => x.ContestId == contest.Id).Select(x => x.Number).ToListAsync(ct);
            if (numbers.Any(n => ContestantFields.NumberKey(n) == key))
                throw new ValidationException([new(nameof(c.Number), $"参赛号 {number} 已被使用（本竞赛已有此号），请换一个参赛号")]);
            var contestant = new Contestant(Guid.NewGuid(), contest.Id, number, ContestantFields.Name.Value(c.Name), ContestantFields.UnitName.Value(c.UnitName),
                cityCode, group, ContestantFields.Team.Value(c.Team), c.WorkerId);
            db.Contestants.Add(contestant);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                throw new ValidationException([new(nameof(c.Number), $"参赛号 {number} 刚被其他人登记，请换一个参赛号")]);
            }
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
