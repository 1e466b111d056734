using Competition.Engine.Common;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Contests;

/// <summary>An organizer sets up a contest: trade, level, groups, times, tie-breaks, and rounds with weights and tasks.</summary>
public static class CreateContest
{
    /// <param name="Id">Editing only: the task this spec changes (null adds a task).</param>
    public sealed record TaskSpec(string Title, string Station, IReadOnlyList<SchemeItem> Scheme, Guid? Id = null);

    /// <param name="Id">Editing only: the round this spec changes (null adds a round).</param>
    public sealed record RoundSpec(RoundKind Kind, string Title, double WeightPercent, DateTime StartsAt, DateTime EndsAt, Guid? ExamId, double MaxScore,
        IReadOnlyList<TaskSpec> Tasks, Guid? Id = null);

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
            foreach (var r in c.Rounds)
            {
                if (string.IsNullOrWhiteSpace(r.Title) || r.Title.Length > 100) yield return new(nameof(c.Rounds), "轮次名称不能为空，最多 100 个字符");
                if (!double.IsFinite(r.WeightPercent) || r.WeightPercent is <= 0 or > 100)
                    yield return new(nameof(c.Rounds), $"「{r.Title}」的权重应在 0–100% 之间");
                else if (Math.Round(r.WeightPercent, 2) != r.WeightPercent) yield return new(nameof(c.Rounds), $"「{r.Title}」的权重最多 2 位小数");
                if (!double.IsFinite(r.MaxScore) || r.MaxScore is <= 0 or > MaxRoundScore)
                    yield return new(nameof(c.Rounds), $"「{r.Title}」的满分应在 0–{MaxRoundScore} 分之间");
            }
            var weights = c.Rounds.Where(r => double.IsFinite(r.WeightPercent)).Sum(r => r.WeightPercent);
            if (c.Rounds.Count > 0 && Math.Abs(weights - 100) > 0.001) yield return new(nameof(c.Rounds), $"各轮权重之和必须为 100%，当前为 {weights:0.##}%");
            foreach (var r in c.Rounds.Where(r => r.Kind == RoundKind.Practical))
            {
                if (r.Tasks.Count == 0) yield return new(nameof(c.Rounds), $"实操轮「{r.Title}」至少需要一个任务");
                foreach (var t in r.Tasks)
                {
                    if (string.IsNullOrWhiteSpace(t.Title) || t.Title.Length > 200) yield return new(nameof(c.Rounds), "任务名称不能为空，最多 200 个字符");
                    if (string.IsNullOrWhiteSpace(t.Station) || t.Station.Trim().Length > 32) yield return new(nameof(c.Rounds), $"任务「{t.Title}」的工位不能为空，最多 32 个字符");
                    if (t.Scheme.Count == 0) yield return new(nameof(c.Rounds), $"任务「{t.Title}」需要评分细则");
                    foreach (var problem in t.Scheme.SelectMany(MarkValueRules.SchemeProblems)) yield return new(nameof(c.Rounds), $"任务「{t.Title}」：{problem}");
                    if (t.Scheme.Select(i => i.Code).Distinct().Count() != t.Scheme.Count) yield return new(nameof(c.Rounds), $"任务「{t.Title}」的评分项编号重复");
                }
                var taskTotal = r.Tasks.Sum(t => t.Scheme.Where(i => double.IsFinite(i.MaxPoints)).Sum(i => i.MaxPoints));
                if (r.Tasks.Count > 0 && Math.Abs(taskTotal - r.MaxScore) > 0.001)
                    yield return new(nameof(c.Rounds), $"实操轮「{r.Title}」的满分 {r.MaxScore:0.##} 与各任务配分之和 {taskTotal:0.##} 不一致");
            }
        }
    }

    /// <summary>A round's maximum beyond this is a typing error; the contest total is out of 100 anyway.</summary>
    public const double MaxRoundScore = 10_000;

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command c, CancellationToken ct)
        {
            c.Actor.EnsureOrganizer();
            c = ContestInput.Clean(c);
            if (!await db.Trades.AnyAsync(t => t.Code == c.TradeCode, ct)) throw new ValidationException([new(nameof(c.TradeCode), $"未知工种 '{TextRules.Quote(c.TradeCode)}'")]);
            await EnsureMayUseExamsAsync(db, c.Rounds, c.Actor, null, ct);
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
        /// A round's maximum is its exam's: otherwise a good paper would score above the round's maximum.
        /// </summary>
        /// <param name="ownContest">When editing: the contest whose own rounds may keep their exam.</param>
        internal static async Task EnsureMayUseExamsAsync(CompetitionDbContext db, IReadOnlyList<RoundSpec> rounds, Actor actor, Guid? ownContest, CancellationToken ct)
        {
            foreach (var round in rounds.Where(r => r.ExamId is not null))
            {
                var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == round.ExamId, ct)
                           ?? throw new ValidationException([new(nameof(Command.Rounds), $"理论轮「{round.Title}」引用的考试 {round.ExamId} 不存在")]);
                if (!Exams.ExamAccess.MayManage(actor, exam))
                    throw new ForbiddenException($"理论轮「{round.Title}」只能使用本市组织的考试；所选考试属于 {exam.CityCode}，请先在考试管理中为本市新建考试。");
                // Ending a contest closes its exam's open attempts, so one exam serves one contest.
                if (await db.Rounds.AnyAsync(r => r.ExamId == exam.Id && r.ContestId != ownContest, ct))
                    throw new RuleViolationException($"考试「{exam.Title}」已是另一场竞赛的理论考试，请为本竞赛新建一场考试。");
                if (rounds.Count(r => r.ExamId == exam.Id) > 1)
                    throw new ValidationException([new(nameof(Command.Rounds), $"考试「{exam.Title}」只能用于一个理论轮")]);
                if (Math.Abs(exam.MaxScore - round.MaxScore) > 0.001)
                    throw new ValidationException([new(nameof(Command.Rounds), $"理论轮「{round.Title}」的满分 {round.MaxScore:0.##} 与所选考试的总分 {exam.MaxScore:0.##} 不一致")]);
            }
        }
    }
}
