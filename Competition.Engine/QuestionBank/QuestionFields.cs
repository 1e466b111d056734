using Competition.Engine.Common;

namespace Competition.Engine.QuestionBank;

/// <summary>
/// The text fields of a question with their limits and shapes, whichever way the question arrives (bank file, Excel,
/// CSV). The limits are generous for real questions and keep a hostile 1 MB cell out of papers, pages and exports.
/// </summary>
public static class QuestionFields
{
    public static readonly TextField Id = new("id", "题目编号", 80, TextShape.Code);
    public static readonly TextField Stem = new("stem", "题干", 4000, TextShape.Lines);
    public static readonly TextField Option = new("options", "选项", 500, TextShape.Line, Required: false);
    public static readonly TextField Answer = new("answer", "答案", 4000, TextShape.Lines);
    /// <summary>One blank's accepted answers (alternatives separated by |).</summary>
    public static readonly TextField BlankAnswer = new("answer", "填空答案", 200, TextShape.Line);
    public static readonly TextField Explanation = new("explanation", "解析", 4000, TextShape.Lines);
    public static readonly TextField KnowledgePoint = new("knowledgePoints", "知识点", 50, TextShape.Line);
    public const int MaxKnowledgePoints = 10;

    /// <summary>
    /// The field of a template column, for cleaning a cell (characters and length; whether a cell may be empty is the
    /// question rules' business). Columns without their own rule get a short single line.
    /// </summary>
    public static TextField ForColumn(string key) => (key switch
    {
        "id" => Id,
        "stem" => Stem,
        "answer" => Answer,
        "explanation" => Explanation,
        "knowledgePoints" => KnowledgePoint with { MaxLength = MaxKnowledgePoints * (KnowledgePoint.MaxLength + 1), Required = false },
        _ when key.StartsWith("option", StringComparison.Ordinal) => Option with { Name = key, Label = "选项" + key[^1..] },
        _ => new TextField(key, key, 200, TextShape.Line),
    }) with { Required = false };

    /// <summary>The content with every text cleaned by <see cref="TextRules"/>; what cannot be cleaned is left for
    /// <see cref="QuestionRules.Check"/> to report.</summary>
    public static QuestionContent Clean(QuestionContent q) => q with
    {
        Stem = Stem.Value(q.Stem),
        Options = q.Options.Select(o => o with { Key = o.Key.Trim(), Text = Option.Value(o.Text) }).ToList(),
        Answer = q.Type == QuestionType.FillBlank ? q.Answer.Select(BlankAnswer.Value).ToList() : q.Answer.Select(Answer.Value).ToList(),
        Explanation = Explanation.Value(q.Explanation),
        KnowledgePoints = q.KnowledgePoints.Select(KnowledgePoint.Value).Where(p => p.Length > 0).Distinct().ToList(),
    };

    /// <summary>Characters and lengths of every text field, named as the template names its columns.</summary>
    public static IEnumerable<ValidationProblem> Problems(QuestionContent q)
    {
        if (Stem.Clean(q.Stem).Problem is { } stem) yield return new("stem", stem);
        foreach (var o in q.Options)
            if ((Option with { Label = "选项" + o.Key, Required = false }).Clean(o.Text).Problem is { } option) yield return new("option" + o.Key, option);
        var answerField = q.Type == QuestionType.FillBlank ? BlankAnswer : Answer;
        foreach (var a in q.Answer)
            if ((answerField with { Required = false }).Clean(a).Problem is { } answer) { yield return new("answer", answer); break; }
        if (Explanation.Clean(q.Explanation).Problem is { } explanation) yield return new("explanation", explanation);
        if (q.KnowledgePoints.Count > MaxKnowledgePoints)
            yield return new("knowledgePoints", $"知识点最多 {MaxKnowledgePoints} 个（现有 {q.KnowledgePoints.Count} 个）");
        foreach (var k in q.KnowledgePoints)
        {
            if ((KnowledgePoint with { Required = false }).Clean(k).Problem is { } point) { yield return new("knowledgePoints", point); break; }
            // Points are stored as "|a|b|" so one LIKE finds a whole point; a | inside a point would split it.
            if (k.Contains('|')) { yield return new("knowledgePoints", $"知识点 '{TextRules.Quote(k)}' 不能包含竖线 |"); break; }
        }
    }
}
