using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Contests;

/// <summary>
/// An organizer changes a contest's setup before it starts: the same definition and the same rules as
/// <see cref="CreateContest"/>. Rounds and tasks that carry their id keep it (judges stay assigned to their stations);
/// those left out are removed. Everything is saved in one go or not at all.
/// </summary>
public static class UpdateContest
{
    public sealed record Command(Guid ContestId, CreateContest.Command Definition) : IRequest<MediatR.Unit>;

    /// <summary>The creation rules, unchanged: an edit may not produce a contest that could not have been created.</summary>
    public sealed class Validator : IValidator<Command>
    {
        private readonly CreateContest.Validator create = new();

        public IEnumerable<ValidationError> Validate(Command c) => create.Validate(c.Definition);
    }

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock) : IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command command, CancellationToken ct)
        {
            var c = ContestInput.Clean(command.Definition);
            var contest = await ContestAccess.ManagedAsync(db, command.ContestId, c.Actor, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            if (contest.EditProblem(now) is { } refused) throw new RuleViolationException(refused);
            if (!await db.Trades.AnyAsync(t => t.Code == c.TradeCode, ct)) throw new ValidationException([new(nameof(c.TradeCode), $"未知工种 '{TextRules.Quote(c.TradeCode)}'")]);
            await CreateContest.Handler.EnsureMayUseExamsAsync(db, c.Rounds, c.Actor, contest.Id, ct);
            var groupsInUse = await db.Contestants.AsNoTracking().Where(x => x.ContestId == contest.Id).Select(x => x.Group).Distinct().ToListAsync(ct);
            if (groupsInUse.FirstOrDefault(g => !c.Groups.Contains(g)) is { } orphan)
                throw new ValidationException([new(nameof(c.Groups), $"组别「{orphan}」已有登记的选手，不能删除；请先移除或改登这些选手。")]);

            contest.Redefine(c.Title, c.TradeCode, c.Level, c.Groups, c.StartsAt, c.FreezeAt, c.EndsAt, string.Join(",", c.TieBreaks), now);
            var rounds = await db.Rounds.Where(r => r.ContestId == contest.Id).ToListAsync(ct);
            var roundIds = rounds.Select(r => r.Id).ToList();
            var tasks = await db.PracticalTasks.Where(t => roundIds.Contains(t.RoundId)).ToListAsync(ct);
            var kept = new HashSet<Guid>();
            foreach (var spec in c.Rounds)
            {
                var round = rounds.FirstOrDefault(r => r.Id == spec.Id);
                if (round is null)
                {
                    round = new Round(Guid.NewGuid(), contest.Id, spec.Kind, spec.Title, spec.WeightPercent, spec.StartsAt, spec.EndsAt, spec.ExamId, spec.MaxScore);
                    db.Rounds.Add(round);
                }
                else round.Redefine(spec.Kind, spec.Title, spec.WeightPercent, spec.StartsAt, spec.EndsAt, spec.ExamId, spec.MaxScore);
                kept.Add(round.Id);
                var keptTasks = new HashSet<Guid>();
                foreach (var t in spec.Kind == RoundKind.Practical ? spec.Tasks : [])
                {
                    var task = tasks.FirstOrDefault(x => x.Id == t.Id && x.RoundId == round.Id);
                    if (task is null) { task = new PracticalTask(Guid.NewGuid(), round.Id, t.Title, t.Station, t.Scheme); db.PracticalTasks.Add(task); }
                    else task.Redefine(t.Title, t.Station, t.Scheme);
                    keptTasks.Add(task.Id);
                }
                db.PracticalTasks.RemoveRange(tasks.Where(x => x.RoundId == round.Id && !keptTasks.Contains(x.Id)));
            }
            var removed = rounds.Where(r => !kept.Contains(r.Id)).Select(r => r.Id).ToList();
            db.PracticalTasks.RemoveRange(tasks.Where(t => removed.Contains(t.RoundId)));
            db.JudgeAssignments.RemoveRange(await db.JudgeAssignments.Where(a => removed.Contains(a.RoundId)).ToListAsync(ct));
            db.Rounds.RemoveRange(rounds.Where(r => removed.Contains(r.Id)));
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException)
            {
                throw new RuleViolationException("竞赛刚被其他人修改或已开始，请刷新页面后重新修改。");
            }
            return MediatR.Unit.Value;
        }
    }
}
