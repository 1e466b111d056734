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
            var cityText = ContestantFields.City.Value(c.CityCode);
            var group = ContestantFields.MatchGroup(contest, ContestantFields.Group.Value(c.Group))
                        ?? throw new ValidationException([new(nameof(c.Group), $"组别应为 {string.Join("、", contest.GroupList)} 之一")]);
            var city = await db.Cities.AsNoTracking().FirstOrDefaultAsync(x => x.Code == cityText || x.Name == cityText, ct)
                       ?? throw new ValidationException([new(nameof(c.CityCode), $"未知城市 '{TextRules.Quote(cityText)}'")]);
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
            var key = ContestantFields.NumberKey(number);
            var numbers = await db.Contestants.AsNoTracking().Where(x => x.ContestId == contest.Id).Select(x => x.Number).ToListAsync(ct);
            if (numbers.Any(n => ContestantFields.NumberKey(n) == key))
                throw new ValidationException([new(nameof(c.Number), $"参赛号 {number} 已被使用（本竞赛已有此号），请换一个参赛号")]);
            var contestant = new Contestant(Guid.NewGuid(), contest.Id, number, ContestantFields.Name.Value(c.Name), ContestantFields.UnitName.Value(c.UnitName),
                city.Code, group, ContestantFields.Team.Value(c.Team), c.WorkerId);
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
