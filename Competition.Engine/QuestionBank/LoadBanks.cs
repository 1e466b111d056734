using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank.Files;
using MediatR;

namespace Competition.Engine.QuestionBank;

/// <summary>Loads a folder of bank files (the shipped banks on start-up, or a synthetic bank) into the database.</summary>
public static class LoadBanks
{
    public sealed record Command(string Folder) : IRequest<Result>;

    /// <param name="Kept">Shipped questions an organizer has edited whose file text differs: the organizer's text was kept
    /// (see <see cref="Question.OfferShipped"/>); <paramref name="KeptIds"/> names them.</param>
    public sealed record Result(int Trades, int Questions, int Added, int Revised, int Unchanged, int Kept = 0, IReadOnlyList<string>? KeptIds = null);

    public sealed class Validator : IValidator<Command>
    {
        public IEnumerable<ValidationError> Validate(Command c)
        {
            if (string.IsNullOrWhiteSpace(c.Folder)) yield return new("Folder", "请指定题库目录");
        }
    }

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command request, CancellationToken ct)
        {
            var folder = BankFolder.Read(request.Folder);
            if (!folder.IsValid)
                throw new RuleViolationException("题库文件有错误，未加载任何题目：\n" + string.Join("\n", folder.Errors.Take(50)));

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var file in folder.Files) await QuestionSync.UpsertTradeAsync(db, file.Trade!, ct);
            await db.SaveChangesAsync(ct);

            var incoming = folder.Files.SelectMany(f => f.Questions.Select(q => new IncomingQuestion(q.Id, f.Trade!.Code, q.Content, q.Sealed))).ToList();
            var synthetic = folder.Files.Any(f => f.Trade!.IsSynthetic);
            var sync = await QuestionSync.ApplyAsync(db, incoming, synthetic ? QuestionSources.Synthetic : QuestionSources.BankFile, synthetic, clock.GetUtcNow().UtcDateTime, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new Result(folder.Files.Count, incoming.Count, sync.Added, sync.Revised, sync.Unchanged, sync.Kept, sync.KeptIds ?? []);
        }
    }
}
