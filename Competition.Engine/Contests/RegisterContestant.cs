using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Contests;

/// <summary>
/// Registers a contestant from a unit under a number (参赛号); judges will only ever see the number. The contestant's
/// city must be one the contest's level admits (see <see cref="ContestAccess.EntryProblem"/>), and a linked worker
/// account must belong to that city.
/// </summary>
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
            var city = await db.Cities.AsNoTracking().FirstOrDefaultAsync(x => x.Code == c.CityCode, ct)
                       ?? throw new ValidationException([new(nameof(c.CityCode), $"未知城市 {c.CityCode}")]);
            if (c.WorkerId is { } workerId)
            {
                // A worker account is linked (it sits the theory round): the contestant's city is the worker's own.
                var home = await (from w in db.Workers join u in db.Units on w.UnitId equals u.Id where w.Id == workerId select new { w.Name, u.CityCode })
                               .FirstOrDefaultAsync(ct) ?? throw new ValidationException([new(nameof(c.WorkerId), $"职工 {workerId} 不存在")]);
                if (home.CityCode != city.Code)
                    throw new ValidationException([new(nameof(c.CityCode), $"职工 {home.Name} 属于 {home.CityCode}，不能作为 {city.Name} 的选手登记；请把城市改为该职工所在的城市。")]);
            }
            var contestCity = await db.Cities.AsNoTracking().FirstOrDefaultAsync(x => x.Code == contest.CityCode, ct);
            if (ContestAccess.EntryProblem(contest, contestCity, city) is { } refused) throw new RuleViolationException(refused);
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
