using Competition.Engine.Common;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank.Sheets;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Contests;

/// <summary>
/// Registers contestants from an .xlsx or .csv sheet (参赛号, 姓名, 单位, 城市, 组别, 团队). All or nothing: any bad row
/// gives a row/column/reason report and registers nobody.
/// </summary>
public static class ImportContestants
{
    public sealed record Command(Guid ContestId, Stream Content, string FileName, long Length, Actor Actor) : IRequest<Result>;

    public sealed record Result(bool Accepted, IReadOnlyList<ImportProblem> Problems, int Added);

    private static readonly (string Key, string[] Headers, bool Required)[] Columns =
    [
        ("number", ["参赛号", "number"], true), ("name", ["姓名", "name"], true), ("unit", ["单位", "unit"], true),
        ("city", ["城市", "city"], true), ("group", ["组别", "group"], true), ("team", ["团队", "team"], false),
    ];

    public sealed class Handler(CompetitionDbContext db, IMediator mediator) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var contest = await ContestAccess.ManagedAsync(db, c.ContestId, c.Actor, ct);
            SheetTable table;
            try { table = SheetReader.Read(c.Content, c.FileName, c.Length); }
            catch (SheetFileException ex) { return new Result(false, [new(0, "文件", ex.Message)], 0); }

            var problems = new List<ImportProblem>();
            var index = new Dictionary<string, int>();
            for (var i = 0; i < table.Headers.Count; i++)
                if (Columns.FirstOrDefault(col => col.Headers.Contains(table.Headers[i].Trim(), StringComparer.OrdinalIgnoreCase)) is { Key: not null } col) index[col.Key] = i;
                else if (!string.IsNullOrWhiteSpace(table.Headers[i])) problems.Add(new(1, $"第 {i + 1} 列", $"未知列名 '{table.Headers[i]}'"));
            foreach (var missing in Columns.Where(col => col.Required && !index.ContainsKey(col.Key)))
                problems.Add(new(1, missing.Headers[0], $"缺少必需的列 '{missing.Headers[0]}'"));
            if (problems.Count > 0) return new Result(false, problems, 0);

            var cities = await db.Cities.AsNoTracking().ToListAsync(ct);
            var contestCity = cities.FirstOrDefault(x => x.Code == contest.CityCode);
            var taken = (await db.Contestants.AsNoTracking().Where(x => x.ContestId == contest.Id).Select(x => x.Number).ToListAsync(ct)).ToHashSet();
            var seen = new Dictionary<string, int>();
            var rows = new List<Contestant>();
            foreach (var row in table.Rows.Where(r => !r.IsBlank))
            {
                string Cell(string key) => index.TryGetValue(key, out var i) ? row[i].Trim() : "";
                var before = problems.Count;
                void Problem(string column, string reason) => problems.Add(new(row.Number, column, reason));
                var number = Cell("number");
                if (number.Length is 0 or > 16) Problem("参赛号", "参赛号不能为空，最多 16 位");
                else if (taken.Contains(number)) Problem("参赛号", $"参赛号 {number} 已被本竞赛使用");
                else if (!seen.TryAdd(number, row.Number)) Problem("参赛号", $"参赛号 {number} 与第 {seen[number]} 行重复");
                if (Cell("name").Length == 0) Problem("姓名", "姓名不能为空");
                if (Cell("unit").Length == 0) Problem("单位", "单位不能为空");
                var city = cities.FirstOrDefault(x => x.Code == Cell("city") || x.Name == Cell("city"));
                if (city is null) Problem("城市", $"未知城市 '{Cell("city")}'");
                else if (ContestAccess.EntryProblem(contest, contestCity, city) is { } refused) Problem("城市", refused);
                if (!contest.GroupList.Contains(Cell("group"))) Problem("组别", $"组别应为 {string.Join("、", contest.GroupList)} 之一");
                if (problems.Count == before)
                    rows.Add(new Contestant(Guid.NewGuid(), contest.Id, number, Cell("name"), Cell("unit"), city!.Code, Cell("group"), Cell("team"), null));
            }
            if (rows.Count == 0 && problems.Count == 0) problems.Add(new(0, "文件", "没有选手行"));
            if (problems.Count > 0) return new Result(false, problems, 0);
            db.Contestants.AddRange(rows);
            await db.SaveChangesAsync(ct);
            await mediator.Publish(new ScoreChanged(contest.Id), ct);
            return new Result(true, [], rows.Count);
        }
    }
}
