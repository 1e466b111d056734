using Competition.Engine.Accounts;
using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>
/// Who may manage an exam and who may sit it. Organizers manage the exams of their own city; an admin's exams
/// (city "all") only admins. An exam is sat by the workers of its city (an admin's exam by anyone), except that the
/// exam of a contest's theory round is sat only by that contest's registered contestants. An exam's audience (cities,
/// units, trades; <see cref="ExamAudience"/>) narrows who of those may sit it.
/// </summary>
public static class ExamAccess
{
    public const string AnyCity = "all";

    /// <summary>A worker as exams see them: who, and the city of their unit.</summary>
    public sealed record Sitter(Guid WorkerId, string CityCode, Guid UnitId = default, string? TradeCode = null);

    public static bool MayManage(Actor actor, Exam exam) =>
        actor.IsAdmin || actor.IsIn(Roles.Organizer) && actor.CityCode is not null && exam.CityCode == actor.CityCode;

    public static void EnsureMayManage(Actor actor, Exam exam)
    {
        actor.EnsureOrganizer();
        if (!MayManage(actor, exam))
            // Says whose exam it is, never what it is: a refusal must not leak another city's data.
            throw new ForbiddenException($"只能管理本市组织的考试；这场考试属于 {exam.CityCode}，您的城市是 {actor.CityCode ?? "未分配"}。");
    }

    /// <summary>The exams an actor manages, as a query (nothing for anyone who is not an organizer or admin).</summary>
    public static IQueryable<Exam> Managed(IQueryable<Exam> exams, Actor actor)
    {
        if (actor.IsAdmin) return exams;
        if (!actor.IsIn(Roles.Organizer) || actor.CityCode is null) return exams.Where(_ => false);
        var city = actor.CityCode;
        return exams.Where(e => e.CityCode == city);
    }

    /// <summary>
    /// The rule itself, pure. <paramref name="examContests"/>: the contests whose theory round is this exam;
    /// <paramref name="sitterContests"/>: the contests the worker is registered in.
    /// </summary>
    public static string? SitProblem(Sitter? sitter, Exam exam, IReadOnlyCollection<Guid> examContests, IReadOnlyCollection<Guid> sitterContests)
    {
        if (sitter is null) return "只有职工账号可以参加考试，请使用职工账号登录。";
        if (examContests.Count > 0)
            return examContests.Any(sitterContests.Contains) ? null : "这是竞赛的理论考试，只有登记在该竞赛中的选手可以参加。";
        if (exam.CityCode != AnyCity && exam.CityCode != sitter.CityCode) return $"这场考试由 {exam.CityCode} 组织，只对该市职工开放。";
        return exam.Audience.Refusal(sitter.CityCode, sitter.UnitId, sitter.TradeCode);
    }

    public static async Task<Sitter?> SitterAsync(CompetitionDbContext db, Actor actor, CancellationToken ct)
    {
        if (actor.WorkerId is not { } worker) return null;
        return await (from w in db.Workers join u in db.Units on w.UnitId equals u.Id where w.Id == worker select new Sitter(w.Id, u.CityCode, u.Id, w.TradeCode))
            .FirstOrDefaultAsync(ct);
    }

    public static async Task EnsureMaySitAsync(CompetitionDbContext db, Actor actor, Exam exam, CancellationToken ct)
    {
        var sitter = await SitterAsync(db, actor, ct);
        var (examContests, sitterContests) = await ContestLinksAsync(db, [exam.Id], sitter, ct);
        if (SitProblem(sitter, exam, examContests.GetValueOrDefault(exam.Id) ?? [], sitterContests) is { } problem) throw new ForbiddenException(problem);
    }

    /// <summary>The published exams the actor may sit, newest first (for the exam lobby).</summary>
    public static async Task<IReadOnlyList<Exam>> SittableAsync(CompetitionDbContext db, Actor actor, int limit, CancellationToken ct)
    {
        var sitter = await SitterAsync(db, actor, ct);
        if (sitter is null) return [];
        // Narrowed in SQL to the exams the rule could admit (the city's, everyone's, the worker's contests'); the rule itself decides below.
        var candidates = await db.Exams.AsNoTracking()
            .Where(e => e.Status == ExamStatus.Published && (e.CityCode == sitter.CityCode || e.CityCode == AnyCity
                || db.Rounds.Any(r => r.ExamId == e.Id && db.Contestants.Any(c => c.ContestId == r.ContestId && c.WorkerId == sitter.WorkerId))))
            .OrderByDescending(e => e.OpensAt).Take(limit * 2).ToListAsync(ct);
        var (examContests, sitterContests) = await ContestLinksAsync(db, candidates.Select(e => e.Id).ToList(), sitter, ct);
        return candidates.Where(e => SitProblem(sitter, e, examContests.GetValueOrDefault(e.Id) ?? [], sitterContests) is null).Take(limit).ToList();
    }

    private static async Task<(Dictionary<Guid, List<Guid>> ExamContests, HashSet<Guid> SitterContests)> ContestLinksAsync(
        CompetitionDbContext db, IReadOnlyList<Guid> examIds, Sitter? sitter, CancellationToken ct)
    {
        var links = await db.Rounds.AsNoTracking().Where(r => r.ExamId != null && examIds.Contains(r.ExamId.Value))
            .Select(r => new { ExamId = r.ExamId!.Value, r.ContestId }).ToListAsync(ct);
        var mine = sitter is null || links.Count == 0 ? [] : await db.Contestants.AsNoTracking()
            .Where(c => c.WorkerId == sitter.WorkerId).Select(c => c.ContestId).ToListAsync(ct);
        return (links.GroupBy(l => l.ExamId).ToDictionary(g => g.Key, g => g.Select(l => l.ContestId).ToList()), mine.ToHashSet());
    }
}
