using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank.Sheets;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.QuestionBank;

/// <summary>
/// Imports questions from an organizer's .xlsx or .csv sheet. All or nothing: with any bad row the result
/// carries the row-level report and nothing is written.
/// </summary>
public static class ImportBank
{
    public sealed record Command(Stream Content, string FileName, long Length, string? TradeCode, Actor Actor) : IRequest<Result>;

    /// <param name="Problems">The first <see cref="ImportProblems.Listed"/> problems; <paramref name="TotalProblems"/> counts them all.</param>
    public sealed record Result(bool Accepted, IReadOnlyList<ImportProblem> Problems, int Rows, int Added, int Revised, int Unchanged, int TotalProblems = 0)
    {
        public int Unlisted => TotalProblems - Problems.Count;

        public static Result Refused(ImportProblems problems) => new(false, problems.Kept, 0, 0, 0, 0, problems.Total);

        public static Result Refused(ImportProblem problem) => Refused(new ImportProblems([problem]));
    }

    public sealed class Validator : IValidator<Command>
    {
        public IEnumerable<ValidationError> Validate(Command c)
        {
            if (string.IsNullOrWhiteSpace(c.FileName)) yield return new("FileName", "请选择要导入的文件");
        }
    }

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken ct)
        {
            BankAccess.EnsureMayImport(request.Actor);
            var trades = await db.Trades.AsNoTracking().Select(t => new { t.Code, t.Name }).ToListAsync(ct);
            var lookup = trades.SelectMany(t => new[] { (t.Code, t.Code), (t.Name, t.Code) })
                .DistinctBy(p => p.Item1).ToDictionary(p => p.Item1, p => p.Item2);
            string? only = null;
            if (!string.IsNullOrWhiteSpace(request.TradeCode) && !lookup.TryGetValue(request.TradeCode.Trim(), out only))
                return Result.Refused(new ImportProblem(0, "工种", $"未知工种 '{TextRules.Quote(request.TradeCode)}'"));

            SheetTable table;
            try { table = SheetReader.Read(request.Content, request.FileName, request.Length); }
            catch (SheetFileException ex) { return Result.Refused(new ImportProblem(0, "文件", ex.Message)); }

            var (questions, problems) = BankRowMapper.Map(table, lookup, only);
            problems.AddRange(await ForeignIds(questions, ct));
            if (problems.Total > 0) return Result.Refused(problems);

            var now = clock.GetUtcNow().UtcDateTime;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var sync = await QuestionSync.ApplyAsync(db, questions, QuestionSources.Import, false, now, ct, request.Actor.UserName);
            foreach (var trade in questions.Select(q => q.TradeCode).Distinct())
                db.BankImports.Add(new BankImport(Guid.NewGuid(), trade, TextRules.Sanitize(Path.GetFileName(request.FileName), 260),
                    Path.GetExtension(request.FileName).TrimStart('.').ToLowerInvariant(), questions.Count(q => q.TradeCode == trade),
                    sync.Added, sync.Revised, sync.Unchanged, request.Actor.UserName, now));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new Result(true, [], questions.Count, sync.Added, sync.Revised, sync.Unchanged);
        }

        /// <summary>An id that already belongs to another trade would silently move that question; refuse it.</summary>
        private async Task<IEnumerable<ImportProblem>> ForeignIds(List<IncomingQuestion> questions, CancellationToken ct)
        {
            var byId = questions.ToDictionary(q => q.Id, q => q.TradeCode);
            var ids = byId.Keys.ToList();
            var existing = new List<(string Id, string Trade)>();
            foreach (var chunk in ids.Chunk(2000))
                existing.AddRange((await db.Questions.AsNoTracking().Where(q => chunk.Contains(q.Id))
                    .Select(q => new { q.Id, q.TradeCode }).ToListAsync(ct)).Select(x => (x.Id, x.TradeCode)));
            return existing.Where(e => byId[e.Id] != e.Trade)
                .Select(e => new ImportProblem(0, BankColumns.Label("id"), $"题目编号 {e.Id} 已属于工种 {e.Trade}，不能导入到 {byId[e.Id]}"));
        }
    }
}
