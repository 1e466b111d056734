using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Contests;

/// <summary>
/// 复制为新竞赛: a past (or any) contest as the starting point of a new one — its trade, level, groups, tie-breaks,
/// rounds, weights, tasks and marking schemes, under a new title, with every time shifted so the new contest starts at
/// <see cref="Command.StartsAt"/>. Contestants, judges and marks stay behind. A theory round loses its exam, since one
/// exam serves one contest: the organizer picks a new one before the start.
/// </summary>
public static class CopyContest
{
    public sealed record Command(Guid SourceId, string Title, DateTime StartsAt, Actor Actor) : IRequest<Guid>;

    public sealed class Validator : IValidator<Command>
    {
        public IEnumerable<ValidationError> Validate(Command c) =>
            new[] { ContestInput.Title.Error(c.Title), NumberInput.Time(c.StartsAt, nameof(c.StartsAt), "新竞赛的开始时间") }.OfType<ValidationError>();
    }

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command c, CancellationToken ct)
        {
            c.Actor.EnsureOrganizer();
            var source = await db.Contests.AsNoTracking().FirstOrDefaultAsync(x => x.Id == c.SourceId, ct) ?? throw new NotFoundException("竞赛", c.SourceId);
            ContestAccess.EnsureMayManage(c.Actor, source);
            var now = clock.GetUtcNow().UtcDateTime;
            if (c.StartsAt <= now) throw new ValidationException([new(nameof(c.StartsAt), "新竞赛的开始时间应晚于现在")]);
            var shift = c.StartsAt - source.StartsAt;
            var copy = new Contest(Guid.NewGuid(), ContestInput.Title.Value(c.Title), source.TradeCode, source.Level, source.CityCode, source.GroupList,
                source.StartsAt + shift, source.FreezeAt + shift, source.EndsAt + shift, source.TieBreaks, now);
            db.Contests.Add(copy);
            var rounds = await db.Rounds.AsNoTracking().Where(r => r.ContestId == source.Id).ToListAsync(ct);
            var roundIds = rounds.Select(r => r.Id).ToList();
            var tasks = await db.PracticalTasks.AsNoTracking().Where(t => roundIds.Contains(t.RoundId)).ToListAsync(ct);
            foreach (var r in rounds)
            {
                var round = new Round(Guid.NewGuid(), copy.Id, r.Kind, r.Title, r.WeightPercent, r.StartsAt + shift, r.EndsAt + shift, examId: null, r.MaxScore);
                db.Rounds.Add(round);
                foreach (var t in tasks.Where(t => t.RoundId == r.Id)) db.PracticalTasks.Add(new PracticalTask(Guid.NewGuid(), round.Id, t.Title, t.Station, t.Scheme));
            }
            await db.SaveChangesAsync(ct);
            return copy.Id;
        }
    }
}
