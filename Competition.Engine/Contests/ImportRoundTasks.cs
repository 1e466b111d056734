using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank.Sheets;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Contests;

/// <summary>
/// Replaces a practical round's tasks and marking schemes with those of a scheme sheet (<see cref="ReadSchemeSheet"/>),
/// for scripts; the setup page fills its form from the same reader instead and saves with the rest of the form. The
/// change goes through <see cref="UpdateContest"/>, so the same refusals apply (another city's contest, a contest that
/// has started) and the round's maximum becomes the sum of the new items. All or nothing.
/// </summary>
public static class ImportRoundTasks
{
    public sealed record Command(Guid ContestId, Guid RoundId, Stream Content, string FileName, long Length, Actor Actor) : IRequest<Result>;

    /// <param name="Problems">The first <see cref="ImportProblems.Listed"/> problems; <paramref name="TotalProblems"/> counts them all.</param>
    public sealed record Result(bool Accepted, IReadOnlyList<ImportProblem> Problems, int TotalProblems, int Tasks, int Items, double MaxScore);

    public sealed class Handler(CompetitionDbContext db, IMediator mediator, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            // Who may, and whether the contest may still change, before the file is even read.
            var contest = await ContestAccess.ManagedAsync(db, c.ContestId, c.Actor, ct);
            if (contest.EditProblem(clock.GetUtcNow().UtcDateTime) is { } refused) throw new RuleViolationException(refused);
            var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == c.RoundId && r.ContestId == contest.Id, ct)
                        ?? throw new NotFoundException("轮次", c.RoundId);
            if (round.Kind != RoundKind.Practical)
                throw new RuleViolationException($"轮次「{round.Title}」是理论轮，只有实操轮有任务和评分细则。");

            var sheet = ReadSchemeSheet.Read(c.Content, c.FileName, c.Length);
            if (!sheet.Accepted) return new(false, sheet.Problems.Kept, sheet.Problems.Total, 0, 0, 0);

            var draft = (await mediator.Send(new GetContestSetup.Query(contest.Id, c.Actor), ct)).Draft!;
            var max = Math.Round(sheet.Tasks.Sum(t => t.Scheme.Sum(i => i.MaxPoints)), 2);
            var rounds = draft.Rounds.Select(r => r.Id == round.Id ? r with { Tasks = sheet.Tasks, MaxScore = max } : r).ToList();
            await mediator.Send(new UpdateContest.Command(contest.Id, draft with { Rounds = rounds }), ct);
            return new(true, [], 0, sheet.Tasks.Count, sheet.Tasks.Sum(t => t.Scheme.Count), max);
        }
    }
}
