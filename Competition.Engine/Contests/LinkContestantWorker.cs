using Competition.Engine.Common;
using Competition.Engine.Organizations;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Contests;

/// <summary>
/// Links a contestant to a worker account so the theory round counts: the theory score is the linked worker's
/// attempt at the round's exam (see Scoreboards.BoardCalculator), and only linked workers may sit that exam. The organizer picks
/// from the workers of the contestant's city they may see; a worker is linked to one contestant per contest.
/// </summary>
public static class LinkContestantWorker
{
    /// <param name="WorkerId">null unlinks.</param>
    public sealed record Command(Guid ContestId, Guid ContestantId, Guid? WorkerId, Actor Actor) : IRequest<MediatR.Unit>;

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command c, CancellationToken ct)
        {
            var contest = await ContestAccess.ManagedAsync(db, c.ContestId, c.Actor, ct);
            var contestant = await db.Contestants.FirstOrDefaultAsync(x => x.Id == c.ContestantId && x.ContestId == contest.Id, ct)
                             ?? throw new NotFoundException("选手", c.ContestantId);
            if (c.WorkerId is not { } workerId) { contestant.LinkWorker(null, null, ""); await db.SaveChangesAsync(ct); return MediatR.Unit.Value; }
            var worker = await (from w in db.Workers join u in db.Units on w.UnitId equals u.Id where w.Id == workerId select new { w.Name, u.CityCode })
                             .FirstOrDefaultAsync(ct) ?? throw new ValidationException([new(nameof(c.WorkerId), $"职工 {workerId} 不存在")]);
            UnitAccess.EnsureMayManage(c.Actor, worker.CityCode);
            var other = await db.Contestants.AsNoTracking().Where(x => x.ContestId == contest.Id && x.WorkerId == workerId && x.Id != contestant.Id)
                .Select(x => x.Number).FirstOrDefaultAsync(ct);
            if (other is not null) throw new ValidationException([new(nameof(c.WorkerId), $"职工 {worker.Name} 已关联到 {other} 号选手，一名职工只能关联一名选手。")]);
            contestant.LinkWorker(workerId, worker.CityCode, worker.Name);
            await db.SaveChangesAsync(ct);
            return MediatR.Unit.Value;
        }
    }
}
