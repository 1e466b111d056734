namespace Competition.Engine.QuestionBank;

/// <summary>Turns an answer as people write it ("A,C,D", "对", "true") into the canonical key list.</summary>
public static class AnswerText
{
    public static List<string> Normalize(QuestionType type, IReadOnlyList<string> raw)
    {
        // Letters and 对/错 typed on a Chinese keyboard arrive full-width ("Ｂ", "Ａ，Ｃ"); they mean the ASCII keys.
        var items = raw.Select(x => type is QuestionType.Single or QuestionType.Multiple or QuestionType.TrueFalse ? Common.TextRules.Fold(x) : x.Trim())
            .Where(x => x.Length > 0).ToList();
        switch (type)
        {
            case QuestionType.Single:
            case QuestionType.Multiple:
                var letters = string.Concat(items).ToUpperInvariant()
                    .Where(c => c is not (',' or '，' or '、' or ' ' or ';' or '；')).Select(c => c.ToString()).ToList();
                return type == QuestionType.Multiple ? letters.OrderBy(l => l, StringComparer.Ordinal).ToList() : letters;
            case QuestionType.TrueFalse:
                var v = items.FirstOrDefault()?.ToLowerInvariant();
                return v switch
                {
                    "true" or "对" or "正确" or "√" or "t" or "yes" => ["true"],
                    "false" or "错" or "错误" or "×" or "f" or "no" => ["false"],
                    null => [],
                    _ => [v],
                };
            case QuestionType.FillBlank:
                return items.Select(i => string.Join("|", i.Split('|').Select(p => p.Trim()))).ToList();
            default:
                return items.Count == 0 ? [] : [string.Join("\n", items)];
        }
    }
}
