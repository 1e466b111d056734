namespace Competition.Engine.QuestionBank;

public enum QuestionType
{
    Single = 1,      // 单选
    Multiple = 2,    // 多选
    TrueFalse = 3,   // 判断
    FillBlank = 4,   // 填空
    ShortAnswer = 5, // 简答, marked by a person
}

public static class QuestionTypes
{
    private static readonly Dictionary<string, QuestionType> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["single"] = QuestionType.Single, ["单选"] = QuestionType.Single, ["单选题"] = QuestionType.Single,
        ["multiple"] = QuestionType.Multiple, ["多选"] = QuestionType.Multiple, ["多选题"] = QuestionType.Multiple,
        ["truefalse"] = QuestionType.TrueFalse, ["判断"] = QuestionType.TrueFalse, ["判断题"] = QuestionType.TrueFalse,
        ["fill"] = QuestionType.FillBlank, ["填空"] = QuestionType.FillBlank, ["填空题"] = QuestionType.FillBlank,
        ["short"] = QuestionType.ShortAnswer, ["简答"] = QuestionType.ShortAnswer, ["简答题"] = QuestionType.ShortAnswer,
    };

    public static bool TryParse(string? text, out QuestionType type) => ByName.TryGetValue((text ?? "").Trim(), out type);

    /// <summary>The code used in bank files.</summary>
    public static string Code(this QuestionType type) => type switch
    {
        QuestionType.Single => "single", QuestionType.Multiple => "multiple", QuestionType.TrueFalse => "truefalse",
        QuestionType.FillBlank => "fill", _ => "short",
    };

    public static string Title(this QuestionType type) => type switch
    {
        QuestionType.Single => "单选", QuestionType.Multiple => "多选", QuestionType.TrueFalse => "判断",
        QuestionType.FillBlank => "填空", _ => "简答",
    };

    public static bool HasOptions(this QuestionType type) => type is QuestionType.Single or QuestionType.Multiple;

    public const string Accepted = "single/multiple/truefalse/fill/short（或 单选/多选/判断/填空/简答）";
}
