using YamlDotNet.RepresentationModel;
using static Competition.Engine.QuestionBank.Files.BankFileReader;

namespace Competition.Engine.QuestionBank.Files;

/// <summary>Turns one question mapping into content, reporting each problem at the line of the field at fault.</summary>
internal static class QuestionNodeReader
{
    public static ParsedQuestion? Read(YamlMappingNode q, string file, List<BankFileError> errors)
    {
        var before = errors.Count;
        int LineOf(string key) => Child(q, key) is { } n ? Line(n) : Line(q);
        void Error(string key, string reason) => errors.Add(new(file, LineOf(key), reason));

        var id = QuestionFields.Id.Value(Scalar(q, "id"));
        if (id.Length == 0) Error("id", "缺少 id");
        else if (!QuestionRules.IsValidId(id)) Error("id", $"id '{id}' 只能由小写字母、数字和连字符组成");
        var label = id.Length > 0 ? id : "?";

        if (!SkillLevels.TryParse(Scalar(q, "level"), out var level))
            Error("level", $"{label}: 未知等级 '{Scalar(q, "level")}'，应为 {SkillLevels.Accepted}");
        if (!QuestionTypes.TryParse(Scalar(q, "type"), out var type))
            Error("type", $"{label}: 未知题型 '{Scalar(q, "type")}'，应为 {QuestionTypes.Accepted}");
        if (!int.TryParse(Scalar(q, "difficulty"), out var difficulty))
            Error("difficulty", $"{label}: 难度必须是 1–5 的整数");

        var options = new List<QuestionOption>();
        if (Child(q, "options") is YamlMappingNode opts)
            options.AddRange(opts.Children.Select(kv => new QuestionOption(((YamlScalarNode)kv.Key).Value?.Trim() ?? "", (kv.Value as YamlScalarNode)?.Value?.Trim() ?? "")));
        else if (Child(q, "options") is { } bad) Error("options", $"{label}: options 必须是 A: … B: … 的映射");

        var answer = ReadAnswer(Child(q, "answer"), type);
        var points = Child(q, "knowledgePoints") switch
        {
            YamlSequenceNode s => s.Children.OfType<YamlScalarNode>().Select(x => x.Value?.Trim() ?? "").ToList(),
            YamlScalarNode s when !string.IsNullOrWhiteSpace(s.Value) => [s.Value.Trim()],
            _ => new List<string>(),
        };

        bool? sealedForExams = null;
        if (Child(q, "sealed") is not null)
        {
            sealedForExams = Flag(Scalar(q, "sealed"));
            if (sealedForExams is null) Error("sealed", $"{label}: sealed 只能是 true 或 false");
        }

        if (errors.Count > before) return null;
        // The same text rule as the Excel import, so a shipped question and an imported one with the same words hash alike.
        var content = QuestionFields.Clean(new QuestionContent(level, type, difficulty, (Scalar(q, "stem") ?? "").Trim(), options, answer,
            (Scalar(q, "explanation") ?? "").Trim(), points));
        foreach (var p in QuestionRules.Check(content)) Error(p.Field.StartsWith("option", StringComparison.Ordinal) ? "options" : p.Field, $"{label}: {p.Reason}");
        return errors.Count > before ? null : new ParsedQuestion(id, Line(q), content, sealedForExams);
    }

    private static List<string> ReadAnswer(YamlNode? node, QuestionType type)
    {
        var items = node switch
        {
            YamlSequenceNode s => s.Children.OfType<YamlScalarNode>().Select(x => x.Value ?? "").ToList(),
            YamlScalarNode s => [s.Value ?? ""],
            _ => new List<string>(),
        };
        return AnswerText.Normalize(type, items);
    }
}
