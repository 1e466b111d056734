using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Organizations;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Contests;

/// <summary>
/// The people side of a contest for its organizers: the judges assigned per round and station, the judge and
/// chief-judge accounts of the contest's city that may be assigned (a pick list, never a typed name), the stations of
/// each round, and the workers a contestant may be linked to (the contestant's city, when the organizer may see it).
/// </summary>
public static class GetContestPeople
{
    /// <param name="LinkFor">A contestant to find workers for; <paramref name="Search"/> filters by name or employee number.</param>
    public sealed record Query(Guid ContestId, Actor Actor, Guid? LinkFor = null, string? Search = null) : IRequest<Result>;

    public sealed record Assigned(Guid Id, Guid RoundId, string RoundTitle, string Station, string UserName, string DisplayName, bool Chief, int Marks);
    public sealed record JudgeOption(string UserName, string DisplayName, bool Chief);
    public sealed record WorkerOption(Guid Id, string Name, string UnitName, string? EmployeeNumber);
    public sealed record StationOption(Guid RoundId, string Station, string TaskTitle);

    public sealed record Result(IReadOnlyList<Assigned> Assignments, IReadOnlyList<JudgeOption> Judges, IReadOnlyList<StationOption> Stations,
        Contestant? LinkFor, IReadOnlyList<WorkerOption> Workers, IReadOnlyDictionary<Guid, string> LinkedWorkers);

    public const int MaxWorkers = 50;

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            q.Actor.EnsureOrganizer();
            var contest = await db.Contests.AsNoTracking().FirstOrDefaultAsync(c => c.Id == q.ContestId, ct) ?? throw new NotFoundException("竞赛", q.ContestId);
            ContestAccess.EnsureMayManage(q.Actor, contest);
            var rounds = await db.Rounds.AsNoTracking().Where(r => r.ContestId == contest.Id).ToDictionaryAsync(r => r.Id, r => r.Title, ct);
            var roundIds = rounds.Keys.ToList();
            var stations = await db.PracticalTasks.AsNoTracking().Where(t => roundIds.Contains(t.RoundId)).OrderBy(t => t.Station)
                .Select(t => new StationOption(t.RoundId, t.Station, t.Title)).ToListAsync(ct);
            var assignments = await (from a in db.JudgeAssignments.AsNoTracking()
                                     join u in db.Users.AsNoTracking() on a.JudgeUserId equals u.Id
                                     where a.ContestId == contest.Id
                                     select new { a.Id, a.RoundId, a.Station, a.JudgeUserId, u.UserName, u.DisplayName }).ToListAsync(ct);
            var marks = await (from m in db.ItemMarks.AsNoTracking()
                               join t in db.PracticalTasks.AsNoTracking() on m.TaskId equals t.Id
                               where m.ContestId == contest.Id
                               group m by new { t.RoundId, t.Station, m.JudgeUserId } into g
                               select new { g.Key.RoundId, g.Key.Station, g.Key.JudgeUserId, Count = g.Count() }).ToListAsync(ct);
            var chiefs = await RoleMembers(Roles.ChiefJudge, ct);
            var judges = await RoleMembers(Roles.Judge, ct);
            // The contest's city's judges; an admin's contest for no city may use any judge.
            var candidates = chiefs.Select(u => (u, chief: true)).Concat(judges.Where(j => chiefs.All(c => c.Id != j.Id)).Select(u => (u, chief: false)))
                .Where(x => contest.CityCode == ContestAccess.AnyCity || x.u.CityCode == contest.CityCode)
                .OrderBy(x => x.u.UserName).Select(x => new JudgeOption(x.u.UserName!, x.u.DisplayName, x.chief)).ToList();
            var assigned = assignments.OrderBy(a => rounds.GetValueOrDefault(a.RoundId)).ThenBy(a => a.Station).ThenBy(a => a.UserName)
                .Select(a => new Assigned(a.Id, a.RoundId, rounds.GetValueOrDefault(a.RoundId) ?? "", a.Station, a.UserName ?? "", a.DisplayName, chiefs.Any(c => c.Id == a.JudgeUserId),
                    marks.FirstOrDefault(m => m.RoundId == a.RoundId && m.Station == a.Station && m.JudgeUserId == a.JudgeUserId)?.Count ?? 0)).ToList();

            var linkedIds = await db.Contestants.AsNoTracking().Where(c => c.ContestId == contest.Id && c.WorkerId != null).Select(c => c.WorkerId!.Value).ToListAsync(ct);
            var linked = await (from w in db.Workers.AsNoTracking() join u in db.Units.AsNoTracking() on w.UnitId equals u.Id
                                where linkedIds.Contains(w.Id) select new { w.Id, w.Name, Unit = u.Name }).ToDictionaryAsync(x => x.Id, x => $"{x.Name}（{x.Unit}）", ct);
            Contestant? linkFor = null;
            IReadOnlyList<WorkerOption> workers = [];
            if (q.LinkFor is { } contestantId)
            {
                linkFor = await db.Contestants.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contestantId && c.ContestId == contest.Id, ct)
                          ?? throw new NotFoundException("选手", contestantId);
                if (UnitAccess.MayManage(q.Actor, linkFor.CityCode))
                {
                    var search = (string.IsNullOrWhiteSpace(q.Search) ? linkFor.Name : q.Search).Trim();
                    if (search.Length > 64) search = search[..64];
                    var city = linkFor.CityCode;
                    var query = from w in db.Workers.AsNoTracking() join u in db.Units.AsNoTracking() on w.UnitId equals u.Id
                                where u.CityCode == city && (w.Name.Contains(search) || (w.EmployeeNumber != null && w.EmployeeNumber.Contains(search)) || u.Name.Contains(search))
                                orderby w.Name
                                select new WorkerOption(w.Id, w.Name, u.Name, w.EmployeeNumber);
                    workers = await query.Take(MaxWorkers).ToListAsync(ct);
                }
            }
            return new Result(assigned, candidates, stations, linkFor, workers, linked);
        }

        private async Task<List<AppUser>> RoleMembers(string role, CancellationToken ct) =>
            await (from u in db.Users.AsNoTracking()
                   join ur in db.UserRoles.AsNoTracking() on u.Id equals ur.UserId
                   join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                   where r.Name == role
                   select u).ToListAsync(ct);
    }
}
