using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Judging;

/// <summary>
/// What a judge marks: only their assigned stations, contestants by number only (never names), their own marks,
/// each item's derivation so far, and whether the task is signed off or the round locked.
/// </summary>
public static class GetJudgeSheet
{
    public sealed record Query(Guid ContestId, Actor Actor) : IRequest<Sheet>;

    public sealed record Line(Guid ContestantId, string Number, IReadOnlyDictionary<string, double?> MyMarks, TaskScore Score, bool SignedOff);

    public sealed record TaskSheet(Guid TaskId, string Title, string Station, string Round, bool Locked, IReadOnlyList<SchemeItem> Scheme, IReadOnlyList<Line> Lines);

    public sealed record Sheet(Guid ContestId, string Title, bool IsChief, IReadOnlyList<TaskSheet> Tasks);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, Sheet>
    {
        public async Task<Sheet> Handle(Query q, CancellationToken ct)
        {
            var contest = await db.Contests.AsNoTracking().FirstOrDefaultAsync(c => c.Id == q.ContestId, ct) ?? throw new NotFoundException("竞赛", q.ContestId);
            await SheetAccess.EnsureMayOpenAsync(db, q.Actor, contest, ct);
            var assignments = await db.JudgeAssignments.AsNoTracking().Where(a => a.ContestId == contest.Id && a.JudgeUserId == q.Actor.UserId).ToListAsync(ct);
            var roundIds = assignments.Select(a => a.RoundId).ToList();
            var rounds = await db.Rounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
            var tasks = (await db.PracticalTasks.AsNoTracking().Where(t => roundIds.Contains(t.RoundId)).ToListAsync(ct))
                .Where(t => assignments.Any(a => a.RoundId == t.RoundId && a.Station == t.Station)).ToList();
            var contestants = await db.Contestants.AsNoTracking().Where(c => c.ContestId == contest.Id).OrderBy(c => c.Number).Select(c => new { c.Id, c.Number }).ToListAsync(ct);
            var mine = await db.ItemMarks.AsNoTracking().Where(m => m.ContestId == contest.Id && m.JudgeUserId == q.Actor.UserId).ToListAsync(ct);
            var taskIds = tasks.Select(t => t.Id).ToList();
            var signed = await db.TaskSignOffs.AsNoTracking().Where(s => taskIds.Contains(s.TaskId)).Select(s => new { s.ContestantId, s.TaskId }).ToListAsync(ct);
            var values = await MarkValues.ForContestAsync(db, contest.Id, asOf: null, ct);
            var sheets = new List<TaskSheet>();
            foreach (var task in tasks)
            {
                var lines = new List<Line>();
                foreach (var c in contestants)
                {
                    var marks = task.Scheme.ToDictionary(s => s.Code, s => mine.FirstOrDefault(m => m.ContestantId == c.Id && m.TaskId == task.Id && m.ItemCode == s.Code)?.Value);
                    lines.Add(new Line(c.Id, c.Number, marks, values.Score(c.Id, task), signed.Any(s => s.ContestantId == c.Id && s.TaskId == task.Id)));
                }
                sheets.Add(new TaskSheet(task.Id, task.Title, task.Station, rounds[task.RoundId].Title, rounds[task.RoundId].MarkingLocked, task.Scheme, lines));
            }
            return new Sheet(contest.Id, contest.Title, q.Actor.IsIn(Roles.ChiefJudge), sheets);
        }
    }
}
