using Competition.Engine.Common;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Contests;

/// <summary>An organizer sets up a contest: trade, level, groups, times, tie-breaks, and rounds with weights and tasks.</summary>
public static class CreateContest
{
    public sealed record TaskSpec(string Title, string Station, IReadOnlyList<SchemeItem> Scheme);

    public sealed record RoundSpec(RoundKind Kind, string Title, double WeightPercent, DateTime StartsAt, DateTime EndsAt, Guid? ExamId, double MaxScore,
        IReadOnlyList<TaskSpec> Tasks);

    public sealed record Command(string Title, string TradeCode, ContestLevel Level, IReadOnlyList<string> Groups, DateTime StartsAt, DateTime? FreezeAt,
        DateTime EndsAt, IReadOnlyList<TieBreak> TieBreaks, IReadOnlyList<RoundSpec> Rounds, Actor Actor) : IRequest<Guid>;

    public sealed class Validator : IValidator<Command>
    {
        public IEnumerable<ValidationError> Validate(Command c)
        {
            // Hostile or missing values first: the rule checks below assume finite numbers and lists that exist.
            var input = ContestInput.Problems(c).ToList();
            if (input.Count > 0) { foreach (var e in input) yield return e; yield break; }
            if (c.Rounds.Count == 0) yield return new(nameof(c.Rounds), "至少需要一轮（理论或实操）");
            var weights = c.Rounds.Sum(r => r.WeightPercent);
            if (c.Rounds.Count > 0 && Math.Abs(weights - 100) > 0.001) yield return new(nameof(c.Rounds), $"各轮权重之和必须为 100%，当前为 {weights:0.##}%");
            foreach (var r in c.Rounds.Where(r => r.Kind == RoundKind.Practical))
            {
                if (r.Tasks.Count == 0) yield return new(nameof(c.Rounds), $"实操轮「{r.Title}」至少需要一个任务");
                foreach (var t in r.Tasks)
                {
                    var total = t.Scheme.Sum(i => i.MaxPoints);
                    if (t.Scheme.Count == 0) yield return new(nameof(c.Rounds), $"任务「{t.Title}」需要评分细则");
                    foreach (var problem in SchemeProblems(t)) yield return new(nameof(c.Rounds), problem);
                    if (t.Scheme.Select(i => i.Code).Distinct().Count() != t.Scheme.Count) yield return new(nameof(c.Rounds), $"任务「{t.Title}」的评分项编号重复");
                    if (total <= 0) yield return new(nameof(c.Rounds), $"任务「{t.Title}」的配分之和必须大于 0");
                }
                var taskTotal = r.Tasks.Sum(t => t.Scheme.Sum(i => i.MaxPoints));
                if (r.Tasks.Count > 0 && Math.Abs(taskTotal - r.MaxScore) > 0.001)
                    yield return new(nameof(c.Rounds), $"实操轮「{r.Title}」的满分 {r.MaxScore:0.##} 与各任务配分之和 {taskTotal:0.##} 不一致");
            }
        }

        private static IEnumerable<string> SchemeProblems(TaskSpec t)
        {
            foreach (var item in t.Scheme)
            {
                string? problem = null;
                try { item.ToRule(); }
                catch (ArgumentException ex) { problem = $"任务「{t.Title}」：{ex.Message.Split(" (Parameter")[0]}"; }
                if (problem is not null) yield return problem;
            }
        }
    }

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command c, CancellationToken ct)
        {
            c.Actor.EnsureOrganizer();
            c = ContestInput.Clean(c);
            if (!await db.Trades.AnyAsync(t => t.Code == c.TradeCode, ct)) throw new ValidationException([new(nameof(c.TradeCode), $"未知工种 '{TextRules.Quote(c.TradeCode)}'")]);
            await EnsureMayUseExamsAsync(db, c, ct);
            var contest = new Contest(Guid.NewGuid(), c.Title, c.TradeCode, c.Level, c.Actor.CityCode ?? ContestAccess.AnyCity, c.Groups, c.StartsAt, c.FreezeAt, c.EndsAt,
                string.Join(",", c.TieBreaks), clock.GetUtcNow().UtcDateTime);
            db.Contests.Add(contest);
            foreach (var spec in c.Rounds)
            {
                var round = new Round(Guid.NewGuid(), contest.Id, spec.Kind, spec.Title, spec.WeightPercent, spec.StartsAt, spec.EndsAt, spec.ExamId, spec.MaxScore);
                db.Rounds.Add(round);
                foreach (var t in spec.Tasks) db.PracticalTasks.Add(new PracticalTask(Guid.NewGuid(), round.Id, t.Title, t.Station, t.Scheme));
            }
            await db.SaveChangesAsync(ct);
            return contest.Id;
        }

        /// <summary>
        /// A theory round may only use an exam its organizer may manage: ending the contest closes every open attempt of
        /// that exam, and only its contestants may sit it, so another city's exam (or another contest's) must never be linked.
        /// </summary>
        private static async Task EnsureMayUseExamsAsync(CompetitionDbContext db, Command c, CancellationToken ct)
        {
            foreach (var round in c.Rounds.Where(r => r.ExamId is not null))
            {
                var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == round.ExamId, ct)
                           ?? throw new ValidationException([new(nameof(c.Rounds), $"理论轮「{round.Title}」引用的考试 {round.ExamId} 不存在")]);
                if (!Exams.ExamAccess.MayManage(c.Actor, exam))
                    throw new ForbiddenException($"理论轮「{round.Title}」只能使用本市组织的考试；所选考试属于 {exam.CityCode}，请先在考试管理中为本市新建考试。");
                // Ending a contest closes its exam's open attempts, so one exam serves one contest.
                if (await db.Rounds.AnyAsync(r => r.ExamId == exam.Id, ct))
                    throw new RuleViolationException($"考试「{exam.Title}」已是另一场竞赛的理论考试，请为本竞赛新建一场考试。");
            }
        }
    }
}
