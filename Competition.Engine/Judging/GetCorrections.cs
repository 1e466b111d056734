using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Judging;

/// <summary>
/// What the chief judge needs to sign off and correct one contestant's tasks: every judge's mark on every item (by name),
/// the places still free with the station's judges who could fill them, each item's derivation and the sign-off state.
/// Only the contest's chief judge (the same rule as <see cref="OverrideMark"/>).
/// </summary>
public static class GetCorrections
{
    public sealed record Query(Guid ContestId, string? Number, Actor Actor) : IRequest<Result>;

    public sealed record Judge(string UserName, string Name);

    public sealed record MarkLine(Judge Judge, double? Value);

    public sealed record Item(SchemeItem Scheme, ItemResult Result, IReadOnlyList<MarkLine> Marks, IReadOnlyList<Judge> FreeJudges);

    public sealed record TaskView(Guid TaskId, string Title, string Station, bool SignedOff, double Points, bool Complete, IReadOnlyList<Item> Items);

    public sealed record Result(Guid ContestId, string Title, IReadOnlyList<string> Numbers, string? Number, Guid? ContestantId, IReadOnlyList<TaskView> Tasks);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var contest = await db.Contests.AsNoTracking().FirstOrDefaultAsync(c => c.Id == q.ContestId, ct) ?? throw new NotFoundException("竞赛", q.ContestId);
            await SheetAccess.EnsureChiefJudgeOfAsync(db, q.Actor, contest.Id, "签字确认和修改评分", ct);
            var contestants = await db.Contestants.AsNoTracking().Where(c => c.ContestId == contest.Id).OrderBy(c => c.Number).Select(c => new { c.Id, c.Number }).ToListAsync(ct);
            var numbers = contestants.Select(c => c.Number).ToList();
            var chosen = contestants.FirstOrDefault(c => string.Equals(c.Number, q.Number?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (chosen is null) return new Result(contest.Id, contest.Title, numbers, null, null, []);

            var rounds = await db.Rounds.AsNoTracking().Where(r => r.ContestId == contest.Id).ToListAsync(ct);
            var roundIds = rounds.Select(r => r.Id).ToList();
            var tasks = await db.PracticalTasks.AsNoTracking().Where(t => roundIds.Contains(t.RoundId)).OrderBy(t => t.Station).ToListAsync(ct);
            var assignments = await db.JudgeAssignments.AsNoTracking().Where(a => a.ContestId == contest.Id).ToListAsync(ct);
            var marks = await db.ItemMarks.AsNoTracking().Where(m => m.ContestantId == chosen.Id).ToListAsync(ct);
            var userIds = assignments.Select(a => a.JudgeUserId).Concat(marks.Select(m => m.JudgeUserId)).Distinct().ToList();
            var judges = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => new Judge(u.UserName ?? "", string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName ?? "" : u.DisplayName), ct);
            var signed = await db.TaskSignOffs.AsNoTracking().Where(s => s.ContestantId == chosen.Id).Select(s => s.TaskId).ToListAsync(ct);
            var values = await MarkValues.ForContestAsync(db, contest.Id, asOf: null, ct);

            var views = new List<TaskView>();
            foreach (var task in tasks)
            {
                var score = values.Score(chosen.Id, task);
                var station = assignments.Where(a => a.RoundId == task.RoundId && a.Station == task.Station).Select(a => a.JudgeUserId).ToList();
                var items = score.Items.Select(i =>
                {
                    var onItem = marks.Where(m => m.TaskId == task.Id && m.ItemCode == i.Item.Code).OrderBy(m => m.Slot).ToList();
                    var free = onItem.Count < MarkValueRules.Capacity(i.Item)
                        ? station.Where(id => onItem.All(m => m.JudgeUserId != id) && judges.ContainsKey(id)).Select(id => judges[id]).ToList()
                        : [];
                    return new Item(i.Item, i.Result, onItem.Select(m => new MarkLine(judges.GetValueOrDefault(m.JudgeUserId) ?? new Judge("?", "?"), m.Value)).ToList(), free);
                }).ToList();
                views.Add(new TaskView(task.Id, task.Title, task.Station, signed.Contains(task.Id), score.Points, score.Complete, items));
            }
            return new Result(contest.Id, contest.Title, numbers, chosen.Number, chosen.Id, views);
        }
    }
}
