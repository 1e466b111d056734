using Competition.Engine.Common;

namespace Competition.Engine.QuestionBank.Sheets;

/// <summary>
/// Maps spreadsheet rows to questions. Pure: collects every problem with its row and column, so the organizer
/// fixes the whole sheet in one go.
/// </summary>
public static class BankRowMapper
{
    /// <param name="trades">Known trades: code → code, and Chinese name → code.</param>
    /// <param name="onlyTrade">When given (import into one trade's bank), every row must belong to it; a blank trade cell means it.</param>
    public static (List<IncomingQuestion> Questions, ImportProblems Problems) Map(
        SheetTable table, IReadOnlyDictionary<string, string> trades, string? onlyTrade)
    {
        var problems = new ImportProblems();
        var index = MapHeaders(table.Headers, problems, tradeChosen: onlyTrade is not null);
        var questions = new List<IncomingQuestion>();
        if (problems.Total > 0) return (questions, problems);

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows.Where(r => !r.IsBlank))
        {
            void Problem(string key, string reason) => problems.Add(new(row.Number, BankColumns.Label(key), reason));
            // Every cell passes the one text rule (control and zero-width characters, normalization, length) before it is read.
            var cells = new Dictionary<string, string>();
            string Cell(string key)
            {
                if (cells.TryGetValue(key, out var done)) return done;
                var raw = index.TryGetValue(key, out var i) ? SpreadsheetSafe.Unescape(row[i].Trim()) : "";
                var clean = QuestionFields.ForColumn(key).Clean(raw);
                if (clean.Problem is not null) Problem(key, clean.Problem);
                return cells[key] = clean.Value;
            }
            var before = problems.Total;

            var id = Cell("id");
            if (id.Length == 0) Problem("id", "题目编号不能为空");
            else if (!QuestionRules.IsValidId(id)) Problem("id", $"题目编号 '{TextRules.Quote(id)}' 只能由小写字母、数字和连字符组成（最多 80 个字符）");
            else if (!seen.TryAdd(id, row.Number)) Problem("id", $"题目编号 {id} 重复，第 {seen[id]} 行已使用");

            var tradeText = Cell("trade");
            string? trade = null;
            if (tradeText.Length == 0 && onlyTrade is not null) trade = onlyTrade;
            else if (!trades.TryGetValue(tradeText, out trade)) Problem("trade", $"未知工种 '{TextRules.Quote(tradeText)}'，请填写已有工种的代码或名称");
            else if (onlyTrade is not null && trade != onlyTrade) Problem("trade", $"本次导入的是工种 {onlyTrade}，此行却是 {trade}");

            if (!SkillLevels.TryParse(Cell("level"), out var level)) Problem("level", $"未知等级 '{TextRules.Quote(Cell("level"))}'，应为 {SkillLevels.Accepted}");
            if (!QuestionTypes.TryParse(Cell("type"), out var type)) Problem("type", $"未知题型 '{TextRules.Quote(Cell("type"))}'，应为 {QuestionTypes.Accepted}");
            if (!int.TryParse(Cell("difficulty"), out var difficulty)) Problem("difficulty", $"难度 '{TextRules.Quote(Cell("difficulty"))}' 不是 1–5 的整数");
            if (problems.Total > before) continue;

            var options = BankColumns.All.Where(c => c.Key.StartsWith("option", StringComparison.Ordinal) && Cell(c.Key).Length > 0)
                .Select(c => new QuestionOption(c.Key[^1..], Cell(c.Key))).ToList();
            var answerCell = Cell("answer");
            var answer = AnswerText.Normalize(type, type == QuestionType.FillBlank ? answerCell.Split(['；', ';']) : [answerCell]);
            var points = Cell("knowledgePoints").Split(['；', ';', '，', ',', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            var content = QuestionFields.Clean(new QuestionContent(level, type, difficulty, Cell("stem"), options, answer, Cell("explanation"), points));
            if (problems.Total > before) continue;
            foreach (var p in QuestionRules.Check(content)) Problem(p.Field == "options" ? "optionA" : p.Field, p.Reason);
            bool? sealedForExams = null;
            if (index.ContainsKey("sealed"))
            {
                sealedForExams = SealedCell(Cell("sealed"));
                if (sealedForExams is null) Problem("sealed", $"仅限考试只能填 是 或 否（留空即 否），而不是 '{TextRules.Quote(Cell("sealed"))}'");
            }
            if (problems.Total == before) questions.Add(new IncomingQuestion(id, trade!, content, sealedForExams));
        }
        if (questions.Count == 0 && problems.Total == 0) problems.Add(new(0, "文件", "没有题目行"));
        return (questions, problems);
    }

    private static Dictionary<string, int> MapHeaders(IReadOnlyList<string> headers, ImportProblems problems, bool tradeChosen)
    {
        var index = new Dictionary<string, int>();
        for (var i = 0; i < headers.Count; i++)
        {
            // A BOM or zero-width space pasted into a header is invisible in Excel; it must not make the column unknown.
            var header = SheetHeaders.Clean(headers[i]);
            if (header.Length == 0) continue;
            var col = BankColumns.Find(header);
            if (col is null) problems.Add(new(1, $"第 {i + 1} 列", $"未知列名 '{TextRules.Quote(header)}'；请使用模板中的列名"));
            else if (!index.TryAdd(col.Key, i)) problems.Add(new(1, $"第 {i + 1} 列", $"列 '{TextRules.Quote(header)}' 重复（第 {index[col.Key] + 1} 列已是此列）"));
        }
        // The trade chosen once for the file (the import page) makes the trade column optional; the old layout keeps it.
        foreach (var missing in BankColumns.All.Where(c => c.Required && !index.ContainsKey(c.Key) && !(tradeChosen && c.Key == "trade")))
            problems.Add(new(1, BankColumns.Label(missing.Key), $"缺少必需的列 '{missing.Chinese}'"));
        return index;
    }

    private static bool? SealedCell(string cell) => cell.Trim().ToLowerInvariant() switch
    {
        "是" or "y" or "yes" or "true" or "1" => true,
        "" or "否" or "n" or "no" or "false" or "0" => false,
        _ => null,
    };

    /// <summary>The cells of one question as the template lays them out (used by export and the template).</summary>
    public static IReadOnlyList<string> ToCells(string id, string trade, QuestionContent q, bool sealedForExams = false) =>
    [
        id, trade, q.Level.Grade(), q.Type.Title(), q.Difficulty.ToString(), string.Join("；", q.KnowledgePoints), q.Stem,
        .. Enumerable.Range(0, QuestionRules.MaxOptions).Select(i => i < q.Options.Count ? q.Options[i].Text : ""),
        q.Type switch
        {
            QuestionType.FillBlank => string.Join("；", q.Answer),
            QuestionType.TrueFalse => q.Answer.FirstOrDefault() == "true" ? "对" : "错",
            _ => string.Concat(q.Answer),
        },
        q.Explanation,
        sealedForExams ? "是" : "",
    ];
}
