using System.Globalization;
using Competition.Engine.Common;
using Competition.Engine.Judging;
using Competition.Engine.QuestionBank.Sheets;

namespace Competition.Engine.Contests;

/// <summary>
/// Reads a practical round's tasks and marking schemes from a sheet made from <see cref="SchemeTemplate"/> (.xlsx, or .csv
/// with the same columns): one row per item, the rows of a task repeating its name and station. All or nothing: any
/// problem is reported by row and column and no task is returned. Each item then passes the very rules a contest's form
/// and API apply (<see cref="ContestInput.ItemProblems"/>), so a sheet can never hold what the form would refuse.
/// Pure: it reads the bytes it is given and touches nothing else.
/// </summary>
public static class ReadSchemeSheet
{
    /// <summary>Items in one file; a real round has a few dozen, a thousand is a wrong file or a paste gone astray.</summary>
    public const int MaxRows = 1000;

    public sealed record Result(IReadOnlyList<CreateContest.TaskSpec> Tasks, ImportProblems Problems)
    {
        public bool Accepted => Problems.Total == 0;
    }

    private static readonly (string Column, string[] Aliases, bool Required)[] Columns =
    [
        (SchemeColumns.Task, ["task"], true), (SchemeColumns.Station, ["station"], true), (SchemeColumns.Code, ["code"], true),
        (SchemeColumns.Title, ["item", "title"], true), (SchemeColumns.Kind, ["kind"], true), (SchemeColumns.Points, ["points"], true),
        (SchemeColumns.Nominal, ["nominal"], false), (SchemeColumns.Lower, ["lower"], false), (SchemeColumns.Upper, ["upper"], false),
        (SchemeColumns.Judges, ["judges"], false), (SchemeColumns.Decimals, ["decimals"], false),
    ];

    /// <summary>Number cells: full-width digits folded, nothing else accepted.</summary>
    private static readonly TextField NumberCell = new("number", "数字", 40, TextShape.Code, Required: false);

    public static Result Read(Stream content, string fileName, long length)
    {
        try { return Read(SheetReader.Read(content, fileName, length)); }
        catch (SheetFileException ex) { return new([], new ImportProblems([new ImportProblem(0, "文件", ex.Message)])); }
    }

    public static Result Read(SheetTable table)
    {
        var problems = new ImportProblems();
        var index = MapHeaders(table.Headers, problems);
        if (problems.Total > 0) return new([], problems);
        var rows = table.Rows.Where(r => !r.IsBlank).ToList();
        if (rows.Count > MaxRows)
        {
            problems.Add(rows[MaxRows].Number, "文件", $"评分项超过 {MaxRows} 行上限（共 {rows.Count} 行），未导入任何任务：请检查是否选错了文件，或把任务分到几个实操轮中。");
            return new([], problems);
        }
        var tasks = new Dictionary<string, TaskDraft>();
        foreach (var row in rows) ReadRow(row, index, tasks, problems);
        if (problems.Total > 0) return new([], problems);
        return new(tasks.Values.OrderBy(t => t.Row).Select(t => new CreateContest.TaskSpec(t.Title, t.Station, t.Items)).ToList(), problems);
    }

    private sealed class TaskDraft(string title, string station, int row)
    {
        public string Title { get; } = title;
        public string Station { get; } = station;
        public int Row { get; } = row;
        public List<SchemeItem> Items { get; } = [];
        public Dictionary<string, int> Codes { get; } = [];
    }

    private static void ReadRow(SheetRow row, Dictionary<string, int> index, Dictionary<string, TaskDraft> tasks, ImportProblems problems)
    {
        var before = problems.Total;
        void Problem(string column, string reason) => problems.Add(row.Number, column, reason);
        string Raw(string column) => index.TryGetValue(column, out var i) ? SpreadsheetSafe.Unescape(row[i].Trim()) : "";
        string? Text(TextField field, string column)
        {
            var clean = field.Clean(Raw(column));
            if (clean.Problem is { } p) { Problem(column, p); return null; }
            return clean.Value;
        }
        decimal? Number(string column)
        {
            var text = Text(NumberCell, column);
            if (string.IsNullOrEmpty(text)) return null;
            if (ParseNumber(text) is { } n) return n;
            Problem(column, $"'{TextRules.Quote(text)}' 不是数字");
            return null;
        }
        bool Filled(string column) => Raw(column).Length > 0;

        var taskTitle = Text(ContestInput.TaskTitle, SchemeColumns.Task);
        var station = Text(ContestInput.Station, SchemeColumns.Station);
        var code = Text(ContestInput.ItemCode, SchemeColumns.Code);
        var title = Text(ContestInput.ItemTitle, SchemeColumns.Title);
        var kindText = Raw(SchemeColumns.Kind);
        var kind = ParseKind(kindText);
        if (kind is null)
            Problem(SchemeColumns.Kind, kindText.Length == 0 ? "请填写评分方式（符合/不符合、测量 或 评判）"
                : $"未知评分方式 '{TextRules.Quote(kindText)}'：请从下拉列表选择 符合/不符合、测量 或 评判");
        var points = Number(SchemeColumns.Points);
        if (points is null && !Filled(SchemeColumns.Points)) Problem(SchemeColumns.Points, "请填写配分");
        var nominal = Number(SchemeColumns.Nominal);
        var lower = Number(SchemeColumns.Lower);
        var upper = Number(SchemeColumns.Upper);
        var judges = Whole(Number(SchemeColumns.Judges), SchemeColumns.Judges, Problem);
        var decimals = Whole(Number(SchemeColumns.Decimals), SchemeColumns.Decimals, Problem);

        if (kind == ItemKind.MeasuredValue)
        {
            foreach (var column in new[] { SchemeColumns.Nominal, SchemeColumns.Lower, SchemeColumns.Upper })
                if (!Filled(column)) Problem(column, $"测量项须填写{column}{(column == SchemeColumns.Nominal ? "" : "（无公差填 0）")}");
            if (lower is { } lo && upper is { } up)
            {
                if (lo > up) Problem(SchemeColumns.Lower, $"下偏差 {Show(lo)} 大于上偏差 {Show(up)}：按图纸填写，下偏差不能大于上偏差（如 -0.05 与 0.05）");
                else if (lo > 0 || up < 0)
                    Problem(lo > 0 ? SchemeColumns.Lower : SchemeColumns.Upper, "公差带须包含基本尺寸：下偏差填 0 或负数，上偏差填 0 或正数；" +
                        "图纸为 20 +0.10/+0.05 这类时，请把基本尺寸改为公差带内的值（如 20.05，下偏差 0，上偏差 0.05）");
            }
            if (Filled(SchemeColumns.Judges)) Problem(SchemeColumns.Judges, "评判裁判数只用于评判项，测量项请留空");
        }
        else if (kind is { } other)
        {
            var name = other == ItemKind.Judgement ? SchemeColumns.Judgement : SchemeColumns.MeetsOrNot;
            foreach (var column in new[] { SchemeColumns.Nominal, SchemeColumns.Lower, SchemeColumns.Upper, SchemeColumns.Decimals })
                if (Filled(column)) Problem(column, $"{column}只用于测量项，{name}项请留空（或把评分方式改为测量）");
            if (other == ItemKind.MeetsOrNot && Filled(SchemeColumns.Judges)) Problem(SchemeColumns.Judges, "评判裁判数只用于评判项，符合/不符合项请留空");
        }

        TaskDraft? task = null;
        if (taskTitle is not null && station is not null)
        {
            if (!tasks.TryGetValue(TextRules.Key(taskTitle), out task)) tasks.Add(TextRules.Key(taskTitle), task = new TaskDraft(taskTitle, station, row.Number));
            else if (TextRules.Key(task.Station) != TextRules.Key(station))
                Problem(SchemeColumns.Station, $"任务「{task.Title}」在第 {task.Row} 行的工位是 {task.Station}，此行为 {station}：同一任务只能有一个工位");
            if (code is not null && !task.Codes.TryAdd(TextRules.Key(code), row.Number))
                Problem(SchemeColumns.Code, $"评分项编号 {code} 在任务「{task.Title}」中与第 {task.Codes[TextRules.Key(code)]} 行重复");
        }
        if (problems.Total > before) return;

        var item = kind switch
        {
            ItemKind.MeasuredValue => new SchemeItem(code!, title!, ItemKind.MeasuredValue, (double)points!.Value, nominal, Math.Abs(lower!.Value), upper, Decimals: decimals),
            ItemKind.Judgement => new SchemeItem(code!, title!, ItemKind.Judgement, (double)points!.Value, JudgeCount: judges ?? 3),
            _ => new SchemeItem(code!, title!, ItemKind.MeetsOrNot, (double)points!.Value),
        };
        foreach (var (field, message) in ContestInput.ItemProblems(item)) Problem(field, message);
        if (problems.Total == before) task!.Items.Add(item);
    }

    private static int? Whole(decimal? value, string column, Action<string, string> problem)
    {
        if (value is not { } v) return null;
        // Any whole number is passed on: the item rules say what range it must be in.
        if (v == Math.Round(v) && Math.Abs(v) <= int.MaxValue) return (int)v;
        problem(column, $"{column}应为整数（现为 {Show(v)}）");
        return null;
    }

    private static ItemKind? ParseKind(string text) => TextRules.Key(text) switch
    {
        "符合/不符合" or "符合不符合" or "符合" or "MEETSORNOT" => ItemKind.MeetsOrNot,
        "测量" or "测量值" or "MEASURED" or "MEASUREDVALUE" => ItemKind.MeasuredValue,
        "评判" or "评判0–3" or "评判0-3" or "JUDGEMENT" or "JUDGED" => ItemKind.Judgement,
        _ => null,
    };

    /// <summary>
    /// A number as typed or as a spreadsheet stored it. Typed text keeps its decimals (20.00 stays 20.00, which sets the
    /// reading precision); a float artefact (0.30000000000000004, 5E-2) is taken at the double's 15 digits, which is
    /// what the organizer typed.
    /// </summary>
    internal static decimal? ParseNumber(string text)
    {
        text = text.Replace('−', '-');
        if (text.StartsWith('+')) text = text[1..];
        const NumberStyles plain = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        if (decimal.TryParse(text, plain, CultureInfo.InvariantCulture, out var exact) && exact.Scale <= 10) return exact;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && Math.Abs(d) < 1e15) return (decimal)d;
        return null;
    }

    private static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static Dictionary<string, int> MapHeaders(IReadOnlyList<string> headers, ImportProblems problems)
    {
        var index = new Dictionary<string, int>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = SheetHeaders.Clean(headers[i]);
            if (header.Length == 0) continue;
            var col = Columns.FirstOrDefault(c => c.Column == header || c.Aliases.Contains(header, StringComparer.OrdinalIgnoreCase));
            if (col.Column is null)
                problems.Add(1, $"第 {i + 1} 列", $"未知列名 '{TextRules.Quote(header)}'；列名应为 {string.Join("、", SchemeColumns.All)}（请用评分细则模板）");
            else if (!index.TryAdd(col.Column, i)) problems.Add(1, $"第 {i + 1} 列", $"列 '{TextRules.Quote(header)}' 重复（第 {index[col.Column] + 1} 列已是此列）");
        }
        foreach (var missing in Columns.Where(c => c.Required && !index.ContainsKey(c.Column)))
            problems.Add(1, missing.Column, $"缺少必需的列 '{missing.Column}'");
        return index;
    }
}
