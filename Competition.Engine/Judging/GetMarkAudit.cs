using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Judging;

/// <summary>
/// The contest's audit trail as people read it: Asia/Shanghai time, task titles and judges' display names instead of ids,
/// newest first, filtered by contestant number, task and judge. The CSV export is built from the same rows.
/// </summary>
public static class GetMarkAudit
{
    public sealed record Query(Guid ContestId, Actor Actor, string? Number = null, Guid? TaskId = null, string? JudgeUserId = null) : IRequest<Result>;

    public sealed record Row(DateTime AtLocal, string Number, string Task, string ItemCode, string Judge, double? OldValue, double NewValue, string By, string? Reason);

    public sealed record Choice(string Value, string Label);

    public sealed record Result(Guid ContestId, string Title, IReadOnlyList<Row> Rows, IReadOnlyList<Choice> Tasks, IReadOnlyList<Choice> Judges, IReadOnlyList<string> Numbers);

    /// <summary>At most this many rows on the page; the CSV carries all.</summary>
    public const int PageLimit = 500;

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var contest = await AuditAccess.ReadableAsync(db, q.ContestId, q.Actor, ct);
            return await ReadAsync(db, contest.Id, contest.Title, q.Number, q.TaskId, q.JudgeUserId, PageLimit, ct);
        }
    }

    internal static async Task<Result> ReadAsync(CompetitionDbContext db, Guid contestId, string title, string? number, Guid? taskId, string? judgeUserId,
        int? limit, CancellationToken ct)
    {
        var numbers = await db.Contestants.AsNoTracking().Where(c => c.ContestId == contestId).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var roundIds = await db.Rounds.AsNoTracking().Where(r => r.ContestId == contestId).Select(r => r.Id).ToListAsync(ct);
        var tasks = await db.PracticalTasks.AsNoTracking().Where(t => roundIds.Contains(t.RoundId)).OrderBy(t => t.Station)
            .Select(t => new { t.Id, t.Title, t.Station }).ToListAsync(ct);
        var judgeIds = await db.JudgeAssignments.AsNoTracking().Where(a => a.ContestId == contestId).Select(a => a.JudgeUserId)
            .Union(db.MarkAudits.Where(a => a.ContestId == contestId).Select(a => a.JudgeUserId)).ToListAsync(ct);
        var people = await db.Users.AsNoTracking().Where(u => judgeIds.Contains(u.Id)).Select(u => new { u.Id, u.UserName, u.DisplayName }).ToListAsync(ct);
        string Name(string? display, string? userName) => string.IsNullOrWhiteSpace(display) ? userName ?? "?" : $"{display}（{userName}）";
        var judgeNames = people.ToDictionary(p => p.Id, p => Name(p.DisplayName, p.UserName));

        var query = db.MarkAudits.AsNoTracking().Where(a => a.ContestId == contestId);
        if (!string.IsNullOrWhiteSpace(number))
        {
            var ids = numbers.Where(n => string.Equals(n.Value, number.Trim(), StringComparison.OrdinalIgnoreCase)).Select(n => n.Key).ToList();
            query = query.Where(a => ids.Contains(a.ContestantId));
        }
        if (taskId is { } t) query = query.Where(a => a.TaskId == t);
        if (!string.IsNullOrWhiteSpace(judgeUserId)) query = query.Where(a => a.JudgeUserId == judgeUserId);
        var audits = (await query.ToListAsync(ct)).OrderByDescending(a => a.At).ThenBy(a => a.ItemCode).Take(limit ?? int.MaxValue).ToList();

        // "By" is the account that typed the change (the judge, or the chief judge overriding): shown by name as well.
        var byNames = audits.Select(a => a.By).Distinct().ToList();
        var byPeople = await db.Users.AsNoTracking().Where(u => byNames.Contains(u.UserName!)).Select(u => new { u.UserName, u.DisplayName }).ToListAsync(ct);
        var taskTitles = tasks.ToDictionary(x => x.Id, x => $"{x.Title}（工位 {x.Station}）");
        var rows = audits.Select(a => new Row(TimeZones.Shanghai(a.At), numbers.GetValueOrDefault(a.ContestantId, "?"), taskTitles.GetValueOrDefault(a.TaskId, "?"),
            a.ItemCode, judgeNames.GetValueOrDefault(a.JudgeUserId, "?"), a.OldValue, a.NewValue,
            Name(byPeople.FirstOrDefault(p => p.UserName == a.By)?.DisplayName, a.By), a.Reason)).ToList();
        return new Result(contestId, title, rows,
            tasks.Select(x => new Choice(x.Id.ToString(), taskTitles[x.Id])).ToList(),
            people.OrderBy(p => p.UserName).Select(p => new Choice(p.Id, judgeNames[p.Id])).ToList(),
            numbers.Values.Order().ToList());
    }
}
