using Competition.Engine.Common;
using Competition.Engine.Contests;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank.Sheets;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Rankings;

/// <summary>
/// The current public version of a contest's results as the .xlsx unions file: one worksheet per group with the columns
/// 序号, 姓名, 单位, 工种, 成绩, 名次, 奖项. <see cref="Kind.Results"/> lists everyone in ranking order;
/// <see cref="Kind.Awards"/> (表彰名单) only the awarded, by award and then rank.
/// </summary>
public static class ExportResults
{
    public enum Kind { Results, Awards }

    public static readonly IReadOnlyList<string> Headers = ["序号", "姓名", "单位", "工种", "成绩", "名次", "奖项"];

    public sealed record Query(Guid ContestId, Kind What, Actor Actor) : IRequest<CertificateFiles.File>;

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, CertificateFiles.File>
    {
        public async Task<CertificateFiles.File> Handle(Query q, CancellationToken ct)
        {
            var contest = await ContestAccess.ManagedAsync(db, q.ContestId, q.Actor, ct);
            var version = await CertificateFiles.CurrentVersionAsync(db, contest, ct);
            var trade = await db.Trades.AsNoTracking().Where(t => t.Code == contest.TradeCode).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? contest.TradeCode;
            var sheets = version.Content.Groups.Select(g => new XlsxWriter.SheetSpec(g.Group, Rows(g, trade, q.What))).ToArray();
            if (sheets.Length == 0) sheets = [new XlsxWriter.SheetSpec("成绩", [Headers])];
            var what = q.What == Kind.Results ? "成绩表" : "表彰名单";
            return new($"{contest.Title}-{what}-第{version.Number}版.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", XlsxWriter.Write(sheets));
        }
    }

    /// <summary>The rows of one group, header first (pure, for the unit tests).</summary>
    public static IEnumerable<IReadOnlyList<string>> Rows(ResultGroup group, string trade, Kind what)
    {
        yield return Headers;
        var lines = what == Kind.Results
            ? group.Lines
            : group.Lines.Where(l => l.Award != Award.None).OrderBy(l => l.Award).ThenBy(l => l.Rank ?? int.MaxValue).ToList();
        var n = 0;
        foreach (var l in lines)
            yield return [(++n).ToString(), l.Name, l.Unit, trade, Score(l), l.Rank is { } r ? (l.SharedRank ? $"{r}（并列）" : r.ToString()) : "", l.Award == Award.None ? "" : l.Award.Name()];
    }

    private static string Score(ResultLine l) => l.Status switch
    {
        EntryStatus.Finished => l.Total.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        _ => EntryStatusName(l.Status),
    };

    private static string EntryStatusName(EntryStatus s) => s switch { EntryStatus.Absent => "缺考", EntryStatus.Disqualified => "取消资格", EntryStatus.NotFinished => "未完赛", _ => "不参评" };
}
