using System.Text.RegularExpressions;

namespace Competition.Engine.QuestionBank;

/// <summary>
/// The rules every question must meet, whichever way it arrives (bank file, Excel, CSV).
/// Pure: returns the problems, field by field, in Chinese for the organizer who must fix them.
/// </summary>
public static partial class QuestionRules
{
    public const int MaxOptions = 8;

    [GeneratedRegex("_{4,}")]
    public static partial Regex Blank();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,79}$")]
    private static partial Regex IdPattern();

    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    public static int CountBlanks(string stem) => Blank().Matches(stem).Count;

    public static IEnumerable<ValidationProblem> Check(QuestionContent q)
    {
        foreach (var p in QuestionFields.Problems(q)) yield return p;
        if (string.IsNullOrWhiteSpace(q.Stem)) yield return new("stem", "题干不能为空");
        if (string.IsNullOrWhiteSpace(q.Explanation)) yield return new("explanation", "解析不能为空");
        if (q.KnowledgePoints.Count == 0 || q.KnowledgePoints.Any(string.IsNullOrWhiteSpace))
            yield return new("knowledgePoints", "至少需要一个知识点");
        if (q.Difficulty is < 1 or > 5) yield return new("difficulty", $"难度必须是 1–5，实际为 {q.Difficulty}");
        if (q.Stem.Contains('<') && HtmlTag().IsMatch(q.Stem))
            yield return new("stem", "题干不能包含 HTML 标签，请使用 Markdown");

        var keys = q.Options.Select(o => o.Key).ToList();
        if (q.Type.HasOptions())
        {
            if (q.Options.Count < 3) yield return new("options", $"{q.Type.Title()}题至少需要 3 个选项，实际 {q.Options.Count} 个");
            if (q.Options.Count > MaxOptions) yield return new("options", $"选项最多 {MaxOptions} 个");
            var expected = Enumerable.Range(0, q.Options.Count).Select(i => ((char)('A' + i)).ToString());
            if (!keys.SequenceEqual(expected)) yield return new("options", "选项必须按 A、B、C… 顺序连续编号");
            if (q.Options.Any(o => string.IsNullOrWhiteSpace(o.Text))) yield return new("options", "选项内容不能为空");
            // Compared as people see them: "钢" and "钢\u200b", "10 mm" and "10mm" are the same option.
            else if (q.Options.GroupBy(o => Common.TextRules.Compact(o.Text)).FirstOrDefault(g => g.Count() > 1) is { } same)
                yield return new("options", $"选项内容重复：选项 {string.Join("、", same.Select(o => o.Key))} 相同");
        }
        else if (q.Options.Count > 0)
            yield return new("options", $"{q.Type.Title()}题不应有选项");

        foreach (var p in CheckAnswer(q, keys)) yield return p;
    }

    private static IEnumerable<ValidationProblem> CheckAnswer(QuestionContent q, List<string> keys)
    {
        var a = q.Answer;
        switch (q.Type)
        {
            case QuestionType.Single:
                if (a.Count != 1) yield return new("answer", "单选题答案必须是一个选项字母");
                else if (!keys.Contains(a[0])) yield return new("answer", $"答案 {a[0]} 不在选项 {string.Concat(keys)} 中");
                break;
            case QuestionType.Multiple:
                if (a.Count < 2) yield return new("answer", "多选题答案至少两个选项字母，例如 ACD");
                foreach (var missing in a.Where(k => !keys.Contains(k)))
                    yield return new("answer", $"答案 {missing} 不在选项 {string.Concat(keys)} 中");
                if (a.Distinct().Count() != a.Count) yield return new("answer", "答案字母重复");
                break;
            case QuestionType.TrueFalse:
                if (a is not ["true"] and not ["false"]) yield return new("answer", "判断题答案必须是 对/错（true/false）");
                break;
            case QuestionType.FillBlank:
                var blanks = CountBlanks(q.Stem);
                if (blanks == 0) yield return new("stem", "填空题题干中需要用 ____（4 个以上下划线）标出空位");
                else if (a.Count != blanks) yield return new("answer", $"题干有 {blanks} 个空，答案有 {a.Count} 项");
                if (a.Any(x => x.Split('|').Any(string.IsNullOrWhiteSpace))) yield return new("answer", "填空答案不能为空");
                break;
            case QuestionType.ShortAnswer:
                if (a.Count != 1 || string.IsNullOrWhiteSpace(a[0])) yield return new("answer", "简答题需要参考答案");
                break;
        }
    }

    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z][^>]*>")]
    private static partial Regex HtmlTag();
}

public sealed record ValidationProblem(string Field, string Reason);
