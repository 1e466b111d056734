using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.QuestionBank;

/// <summary>The organizer's bank browser: filter by trade, level, type, knowledge point and text, a page at a time.</summary>
public static class SearchQuestions
{
    public sealed record Query(Actor Actor, string? TradeCode = null, SkillLevel? Level = null, QuestionType? Type = null,
        string? KnowledgePoint = null, string? Text = null, bool IncludeSynthetic = false, int Page = 1, int PageSize = 20,
        bool EditedOnly = false) : IRequest<Result>;

    /// <param name="Edited">An organizer's import wrote the current text, which the shipped banks do not overwrite.</param>
    /// <param name="ShippedDiffers">The shipped file has a different text for it (shown on the question page).</param>
    public sealed record Row(string Id, string TradeCode, SkillLevel Level, QuestionType Type, int Difficulty, string Stem,
        IReadOnlyList<string> KnowledgePoints, int Version, bool Sealed = false, bool Edited = false, bool ShippedDiffers = false, bool Retired = false);

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page, int PageSize)
    {
        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query r, CancellationToken ct)
        {
            BankAccess.EnsureMayBrowse(r.Actor);
            var q = db.Questions.AsNoTracking();
            if (!r.IncludeSynthetic) q = q.Where(x => !x.IsSynthetic);
            if (!string.IsNullOrWhiteSpace(r.TradeCode)) q = q.Where(x => x.TradeCode == r.TradeCode);
            if (r.EditedOnly) q = q.Where(x => x.HeldByOrganizer);
            if (r.Level is { } level) q = q.Where(x => x.Level == level);
            if (r.Type is { } type) q = q.Where(x => x.Type == type);
            if (!string.IsNullOrWhiteSpace(r.KnowledgePoint))
            {
                var point = "|" + r.KnowledgePoint.Trim() + "|";
                q = q.Where(x => x.KnowledgePoints.Contains(point));
            }
            if (!string.IsNullOrWhiteSpace(r.Text))
            {
                var text = r.Text.Trim();
                q = q.Where(x => x.Stem.Contains(text) || x.Id.Contains(text));
            }
            var pageSize = Math.Clamp(r.PageSize, 1, 200);
            var page = Math.Max(1, r.Page);
            var total = await q.CountAsync(ct);
            var rows = await q.OrderBy(x => x.TradeCode).ThenByDescending(x => x.Level).ThenBy(x => x.Id)
                .Skip((page - 1) * pageSize).Take(pageSize)
                .Select(x => new { x.Id, x.TradeCode, x.Level, x.Type, x.Difficulty, x.Stem, x.KnowledgePoints, x.CurrentVersion, x.Sealed, x.HeldByOrganizer, Differs = x.ShippedHash != null, x.Retired })
                .ToListAsync(ct);
            return new Result(rows.Select(x => new Row(x.Id, x.TradeCode, x.Level, x.Type, x.Difficulty, x.Stem,
                x.KnowledgePoints.Split('|', StringSplitOptions.RemoveEmptyEntries), x.CurrentVersion, x.Sealed, x.HeldByOrganizer, x.Differs, x.Retired)).ToList(), total, page, pageSize);
        }
    }
}
