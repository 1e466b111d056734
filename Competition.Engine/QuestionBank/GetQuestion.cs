using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.QuestionBank;

/// <summary>
/// One question at its current (or a given) version, with the stem rendered as a worker will see it, and its key:
/// for organizers and admins, and for a worker only where a drill may show it (see <see cref="BankAccess"/>).
/// </summary>
public static class GetQuestion
{
    public sealed record Query(string Id, Actor Actor, int? Version = null) : IRequest<Result>;

    public sealed record Result(string Id, string TradeCode, string TradeName, int Version, int LatestVersion,
        QuestionContent Content, string StemHtml, string ExplanationHtml, IReadOnlyList<(string Key, string Html)> Options, bool Sealed,
        IReadOnlyList<VersionRow>? History = null, bool HeldByOrganizer = false, QuestionContent? ShippedContent = null, bool Retired = false, bool IsSynthetic = false);

    /// <summary>One version as the history lists it: where it came from (随附题库 / 组织者导入), who and when.</summary>
    public sealed record VersionRow(int Version, string Source, string SourceTitle, string? By, DateTime CreatedAt);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken ct)
        {
            var q = await db.Questions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == request.Id, ct)
                    ?? throw new NotFoundException("题目", request.Id);
            await BankAccess.EnsureMayReadAsync(db, request.Actor, q, ct);
            var version = request.Version ?? q.CurrentVersion;
            var v = await db.QuestionVersions.AsNoTracking().FirstOrDefaultAsync(x => x.QuestionId == q.Id && x.Version == version, ct)
                    ?? throw new NotFoundException("题目版本", $"{q.Id} v{version}");
            var trade = await db.Trades.AsNoTracking().Where(t => t.Code == q.TradeCode).Select(t => t.Name).FirstAsync(ct);
            var content = v.Content;
            var history = await db.QuestionVersions.AsNoTracking().Where(x => x.QuestionId == q.Id).OrderByDescending(x => x.Version)
                .Select(x => new { x.Version, x.Source, x.CreatedBy, x.CreatedAt }).ToListAsync(ct);
            return new Result(q.Id, q.TradeCode, trade, version, q.CurrentVersion, content,
                MarkdownRenderer.ToHtml(content.Stem), MarkdownRenderer.ToHtml(content.Explanation),
                content.Options.Select(o => (o.Key, MarkdownRenderer.ToInlineHtml(o.Text))).ToList(), q.Sealed,
                history.Select(x => new VersionRow(x.Version, x.Source, QuestionSources.Title(x.Source), x.CreatedBy, x.CreatedAt)).ToList(),
                q.HeldByOrganizer, q.ShippedContentJson is null ? null : QuestionContent.FromCanonicalJson(q.ShippedContentJson), q.Retired, q.IsSynthetic);
        }
    }
}
