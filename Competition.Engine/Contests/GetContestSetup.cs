using Competition.Engine.Common;
using Competition.Engine.Exams;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Contests;

/// <summary>
/// What the setup page needs: the contest's definition as an editable draft (with round and task ids), whether it may
/// still be edited and why not, the trades, and the exams a theory round may use — those the organizer manages that no
/// other contest uses (one exam serves one contest), with their total, which becomes the round's maximum.
/// </summary>
public static class GetContestSetup
{
    /// <param name="ContestId">null: a new contest.</param>
    public sealed record Query(Guid? ContestId, Actor Actor) : IRequest<Result>;

    public sealed record ExamOption(Guid Id, string Title, double MaxScore, ExamStatus Status);
    public sealed record TradeOption(string Code, string Name, string NameEn);

    /// <param name="Draft">The contest as a command (its actor is the caller); null for a new contest.</param>
    /// <param name="EditProblem">Why the contest can no longer be edited, or null.</param>
    public sealed record Result(CreateContest.Command? Draft, string? EditProblem, IReadOnlyList<ExamOption> Exams, IReadOnlyList<TradeOption> Trades);

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            q.Actor.EnsureOrganizer();
            CreateContest.Command? draft = null;
            string? problem = null;
            if (q.ContestId is { } id)
            {
                var contest = await db.Contests.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("竞赛", id);
                ContestAccess.EnsureMayManage(q.Actor, contest);
                problem = contest.EditProblem(clock.GetUtcNow().UtcDateTime);
                var rounds = await db.Rounds.AsNoTracking().Where(r => r.ContestId == id).OrderBy(r => r.StartsAt).ThenBy(r => r.Kind).ToListAsync(ct);
                var roundIds = rounds.Select(r => r.Id).ToList();
                var tasks = await db.PracticalTasks.AsNoTracking().Where(t => roundIds.Contains(t.RoundId)).OrderBy(t => t.Station).ToListAsync(ct);
                draft = new CreateContest.Command(contest.Title, contest.TradeCode, contest.Level, contest.GroupList, contest.StartsAt, contest.FreezeAt, contest.EndsAt,
                    contest.TieBreakList, rounds.Select(r => new CreateContest.RoundSpec(r.Kind, r.Title, r.WeightPercent, r.StartsAt, r.EndsAt, r.ExamId, r.MaxScore,
                        tasks.Where(t => t.RoundId == r.Id).Select(t => new CreateContest.TaskSpec(t.Title, t.Station, t.Scheme, t.Id)).ToList(), r.Id)).ToList(), q.Actor);
            }
            var used = db.Rounds.Where(r => r.ExamId != null && r.ContestId != q.ContestId).Select(r => r.ExamId!.Value);
            var exams = await ExamAccess.Managed(db.Exams.AsNoTracking(), q.Actor).Where(e => !used.Contains(e.Id)).OrderByDescending(e => e.OpensAt).Take(200)
                .Select(e => new ExamOption(e.Id, e.Title, e.MaxScore, e.Status)).ToListAsync(ct);
            var trades = await db.Trades.AsNoTracking().Where(t => !t.IsSynthetic).OrderBy(t => t.Code).Select(t => new TradeOption(t.Code, t.Name, t.NameEn)).ToListAsync(ct);
            return new Result(draft, problem, exams, trades);
        }
    }
}
