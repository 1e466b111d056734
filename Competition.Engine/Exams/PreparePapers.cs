using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>
/// Draws the first-attempt papers of known candidates ahead of the opening time, so that a start storm only
/// reads. Candidates who already have a paper keep it.
/// </summary>
public static class PreparePapers
{
    public sealed record Command(Guid ExamId, IReadOnlyList<Guid> WorkerIds, Actor Actor) : IRequest<int>;

    public sealed class Validator : IValidator<Command>
    {
        public IEnumerable<ValidationError> Validate(Command c)
        {
            if (c.WorkerIds is null) yield return new(nameof(c.WorkerIds), "请提供考生（职工）编号列表");
            else if (c.WorkerIds.Count > 20_000) yield return new(nameof(c.WorkerIds), "一次最多为 20000 名考生预备试卷，请分批");
        }
    }

    public sealed class Handler(CompetitionDbContext db, QuestionCatalog catalog, TimeProvider clock) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command c, CancellationToken ct)
        {
            var exam = await db.Exams.FindAsync([c.ExamId], ct) ?? throw new NotFoundException("考试", c.ExamId);
            ExamAccess.EnsureMayManage(c.Actor, exam);
            var have = await db.Papers.Where(p => p.ExamId == exam.Id && p.AttemptNo == 1 && p.WorkerId != null)
                .Select(p => p.WorkerId!.Value).ToListAsync(ct);
            var assembler = new PaperAssembler(await catalog.IndexAsync(db, ct));
            var blueprint = exam.Blueprint;
            var now = clock.GetUtcNow().UtcDateTime;
            var added = 0;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var worker in c.WorkerIds.Distinct().Except(have))
            {
                var seed = PaperSeeds.For(exam.Id, worker, 1);
                db.Papers.Add(new Paper(Guid.NewGuid(), exam.Id, worker, 1, seed, assembler.Assemble(blueprint, seed, exam.ShuffleQuestions, exam.ShuffleOptions), now));
                added++;
            }
            await db.SaveChangesAsync(ct);
            return added;
        }
    }
}

public static class PaperSeeds
{
    /// <summary>A stable seed per exam, worker and attempt, so a paper can be drawn again for an audit.</summary>
    // Not HashCode.Combine: that is randomized per process, and the seed must mean the same draw after a restart.
    public static int For(Guid exam, Guid worker, int attemptNo) => unchecked((Stable(exam) * 16777619 ^ Stable(worker)) * 16777619 ^ attemptNo) & int.MaxValue;

    private static int Stable(Guid g)
    {
        var b = g.ToByteArray();
        return BitConverter.ToInt32(b, 0) ^ BitConverter.ToInt32(b, 4) ^ BitConverter.ToInt32(b, 8) ^ BitConverter.ToInt32(b, 12);
    }
}
