namespace Competition.Engine.QuestionBank.Sheets;

/// <summary>The columns of the import template. Headers may be written in Chinese or English.</summary>
public static class BankColumns
{
    public sealed record Column(string Key, string Chinese, bool Required);

    public static readonly IReadOnlyList<Column> All =
    [
        new("id", "题目编号", true),
        new("trade", "工种", true),
        new("level", "等级", true),
        new("type", "题型", true),
        new("difficulty", "难度", true),
        new("knowledgePoints", "知识点", true),
        new("stem", "题干", true),
        .. Enumerable.Range(0, QuestionRules.MaxOptions).Select(i => new Column($"option{(char)('A' + i)}", $"选项{(char)('A' + i)}", false)),
        new("answer", "答案", true),
        new("explanation", "解析", true),
        // Optional: 是 marks the question exam-only (never served by drills); blank or 否 clears it; without the column nothing changes.
        new("sealed", "仅限考试", false),
    ];

    public static Column? Find(string header)
    {
        var h = header.Trim().Replace(" ", "");
        return All.FirstOrDefault(c => string.Equals(c.Key, h, StringComparison.OrdinalIgnoreCase) || c.Chinese == h);
    }

    public static string Label(string key) => All.FirstOrDefault(c => c.Key == key) is { } c ? $"{c.Chinese}({c.Key})" : key;
}
