using Competition.Engine.Common;
using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank.Sheets;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Contests;

/// <summary>
/// Registers contestants from an .xlsx or .csv sheet (参赛号, 姓名, 单位, 城市, 组别, 团队). All or nothing: any bad row
/// gives a row/column/reason report (the first 100 problems and a count of the rest) and registers nobody. Every cell
/// passes the same text rule and limits as the registration form.
/// </summary>
public static class ImportContestants
{
    public sealed record Command(Guid ContestId, Stream Content, string FileName, long Length, Actor Actor) : IRequest<Result>;

    /// <param name="Problems">The first <see cref="ImportProblems.Listed"/> problems; <paramref name="TotalProblems"/> counts them all.</param>
    public sealed record Result(bool Accepted, IReadOnlyList<ImportProblem> Problems, int Added, int TotalProblems = 0)
    {
        public int Unlisted => TotalProblems - Problems.Count;

        public static Result Refused(ImportProblems problems) => new(false, problems.Kept, 0, problems.Total);

        public static Result Refused(ImportProblem problem) => Refused(new ImportProblems([problem]));
    }

    private static readonly (TextField Field, string[] Headers)[] Columns =
    [
        (ContestantFields.Number, ["参赛号", "number"]), (ContestantFields.Name, ["姓名", "name"]), (ContestantFields.UnitName, ["单位", "unit"]),
        (ContestantFields.City, ["城市", "city"]), (ContestantFields.Group, ["组别", "group"]), (ContestantFields.Team, ["团队", "team"]),
    ];

    public sealed class Handler(CompetitionDbContext db, IMediator mediator) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var contest = await ContestAccess.ManagedAsync(db, c.ContestId, c.Actor, ct);
            SheetTable table;
            try { table = SheetReader.Read(c.Content, c.FileName, c.Length); }
            catch (SheetFileException ex) { return Result.Refused(new ImportProblem(0, "文件", ex.Message)); }

            var problems = new ImportProblems();
            var index = MapHeaders(table.Headers, problems);
            if (problems.Total > 0) return Result.Refused(problems);

            var cities = await db.Cities.AsNoTracking().ToListAsync(ct);
            var contestCity = cities.FirstOrDefault(x => x.Code == contest.CityCode);
            var taken = (await db.Contestants.AsNoTracking().Where(x => x.ContestId == contest.Id).Select(x => x.Number).ToListAsync(ct))
                .Select(ContestantFields.NumberKey).ToHashSet();
            var seen = new Dictionary<string, int>();
            var rows = new List<Contestant>();
            foreach (var row in table.Rows.Where(r => !r.IsBlank))
            {
                var before = problems.Total;
                string Cell(TextField field)
                {
                    var clean = field.Clean(index.TryGetValue(field.Name, out var i) ? SpreadsheetSafe.Unescape(row[i].Trim()) : "");
                    if (clean.Problem is not null) problems.Add(row.Number, field.Label, clean.Problem);
                    return clean.Value;
                }
                var number = Cell(ContestantFields.Number);
                var name = Cell(ContestantFields.Name);
                var unit = Cell(ContestantFields.UnitName);
                var cityText = Cell(ContestantFields.City);
                var groupText = Cell(ContestantFields.Group);
                var team = Cell(ContestantFields.Team);
                if (problems.Total > before) continue;

                var key = ContestantFields.NumberKey(number);
                if (taken.Contains(key)) problems.Add(row.Number, "参赛号", $"参赛号 {number} 已被本竞赛使用");
                else if (!seen.TryAdd(key, row.Number)) problems.Add(row.Number, "参赛号", $"参赛号 {number} 与第 {seen[key]} 行重复");
                var city = cities.FirstOrDefault(x => x.Code == cityText || x.Name == cityText);
                if (city is null) problems.Add(row.Number, "城市", $"未知城市 '{TextRules.Quote(cityText)}'，请填写城市名称或代码");
                else if (ContestAccess.EntryProblem(contest, contestCity, city) is { } refused) problems.Add(row.Number, "城市", refused);
                var group = ContestantFields.MatchGroup(contest, groupText);
                if (group is null) problems.Add(row.Number, "组别", $"组别应为 {string.Join("、", contest.GroupList)} 之一");
                if (problems.Total == before)
                    rows.Add(new Contestant(Guid.NewGuid(), contest.Id, number, name, unit, city!.Code, group!, team, null));
            }
            if (rows.Count == 0 && problems.Total == 0) problems.Add(0, "文件", "没有选手行");
            if (problems.Total > 0) return Result.Refused(problems);
            db.Contestants.AddRange(rows);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Someone registered one of these numbers while the sheet was being read; nothing of this file was saved.
                return Result.Refused(new ImportProblem(0, "参赛号", "导入期间有参赛号被其他人登记，未登记任何选手：请刷新后重新上传。"));
            }
            await mediator.Publish(new ScoreChanged(contest.Id), ct);
            return new Result(true, [], rows.Count);
        }

        private static Dictionary<string, int> MapHeaders(IReadOnlyList<string> headers, ImportProblems problems)
        {
            var index = new Dictionary<string, int>();
            for (var i = 0; i < headers.Count; i++)
            {
                var header = SheetHeaders.Clean(headers[i]);
                if (header.Length == 0) continue;
                var col = Columns.FirstOrDefault(col => col.Headers.Contains(header, StringComparer.OrdinalIgnoreCase));
                if (col.Field is null) problems.Add(1, $"第 {i + 1} 列", $"未知列名 '{TextRules.Quote(header)}'；列名应为 参赛号、姓名、单位、城市、组别、团队");
                else if (!index.TryAdd(col.Field.Name, i)) problems.Add(1, $"第 {i + 1} 列", $"列 '{TextRules.Quote(header)}' 重复（第 {index[col.Field.Name] + 1} 列已是此列）");
            }
            foreach (var missing in Columns.Where(col => col.Field.Required && !index.ContainsKey(col.Field.Name)))
                problems.Add(1, missing.Headers[0], $"缺少必需的列 '{missing.Headers[0]}'");
            return index;
        }
    }
}
