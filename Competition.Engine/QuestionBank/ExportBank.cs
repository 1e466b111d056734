using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank.Sheets;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.QuestionBank;

/// <summary>A trade's bank as an .xlsx in the import template's layout, so it can be edited and imported back.</summary>
public static class ExportBank
{
    public sealed record Query(string TradeCode, Actor Actor) : IRequest<Result>;

    public sealed record Result(string FileName, byte[] Content);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken ct)
        {
            BankAccess.EnsureMayBrowse(request.Actor);
            var trade = await db.Trades.AsNoTracking().FirstOrDefaultAsync(t => t.Code == request.TradeCode, ct)
                        ?? throw new NotFoundException("工种", request.TradeCode);
            var questions = await db.Questions.AsNoTracking().Where(q => q.TradeCode == trade.Code)
                .OrderBy(q => q.Id).Select(q => new { q.Id, q.ContentJson, q.Sealed }).ToListAsync(ct);
            var rows = new List<IReadOnlyList<string>> { BankTemplate.Headers };
            rows.AddRange(questions.Select(q => BankRowMapper.ToCells(q.Id, trade.Code, QuestionContent.FromCanonicalJson(q.ContentJson), q.Sealed)));
            return new Result($"{trade.Code}-{trade.Name}.xlsx", XlsxWriter.Write(trade.Name, rows));
        }
    }
}
