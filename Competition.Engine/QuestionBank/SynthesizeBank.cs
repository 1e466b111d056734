using System.Text;
using Bogus;
using Competition.Engine.QuestionBank.Files;

namespace Competition.Engine.QuestionBank;

/// <summary>
/// Writes a Bogus-generated bank across the trades for load work. Every file says `synthetic: true` and every
/// id starts with "syn-", so synthetic questions can never pass for real ones or land in question-banks/.
/// </summary>
public static class SynthesizeBank
{
    public sealed record Result(int Files, int Questions);

    public static Result Write(IReadOnlyList<TradeHeader> trades, int questions, string outFolder, int seed = 20261121)
    {
        if (trades.Count == 0) throw new ArgumentException("没有可用的工种", nameof(trades));
        if (questions < 1) throw new ArgumentOutOfRangeException(nameof(questions), "题目数必须大于 0");
        Directory.CreateDirectory(outFolder);
        var faker = new Faker("zh_CN") { Random = new Randomizer(seed) };
        var perTrade = questions / trades.Count;
        var extra = questions % trades.Count;
        for (var t = 0; t < trades.Count; t++)
        {
            var trade = trades[t];
            var count = perTrade + (t < extra ? 1 : 0);
            var points = Enumerable.Range(1, 12).Select(i => $"合成知识点{i:00}").ToArray();
            var sb = new StringBuilder();
            sb.Append($"# 合成题库（仅用于压力测试，不是真实题目）\ntrade:\n  code: {trade.Code}\n  name: {trade.Name}\n  nameEn: {trade.NameEn}\n  category: {trade.Category}\n  synthetic: true\nquestions:\n");
            for (var i = 1; i <= count; i++)
                AppendQuestion(sb, faker, $"syn-{trade.Code}-{i:000000}", points);
            File.WriteAllText(Path.Combine(outFolder, $"{trade.Code}.yaml"), sb.ToString());
        }
        return new Result(trades.Count, questions);
    }

    private static void AppendQuestion(StringBuilder sb, Faker f, string id, string[] points)
    {
        var type = f.PickRandom<QuestionType>();
        var level = f.PickRandom(SkillLevels.Ordered.ToArray());
        var stem = $"[合成] {f.Lorem.Sentence(8)}（{id}）";
        sb.Append($"  - id: {id}\n    level: {level.Grade()}\n    type: {type.Code()}\n    difficulty: {f.Random.Int(1, 5)}\n");
        sb.Append($"    knowledgePoints: [{f.PickRandom(points)}]\n");
        switch (type)
        {
            case QuestionType.Single or QuestionType.Multiple:
                sb.Append($"    stem: \"{stem}\"\n    options:\n");
                foreach (var key in "ABCD") sb.Append($"      {key}: \"{f.Lorem.Word()}{key}\"\n");
                sb.Append(type == QuestionType.Single ? $"    answer: {f.PickRandom("ABCD".ToArray())}\n" : "    answer: " + string.Concat(f.PickRandom("ABCD".ToArray(), f.Random.Int(2, 4)).Order()) + "\n");
                break;
            case QuestionType.TrueFalse:
                sb.Append($"    stem: \"{stem}\"\n    answer: {(f.Random.Bool() ? "true" : "false")}\n");
                break;
            case QuestionType.FillBlank:
                sb.Append($"    stem: \"{stem} ________\"\n    answer: [\"{f.Lorem.Word()}\"]\n");
                break;
            default:
                sb.Append($"    stem: \"{stem}\"\n    answer: \"{f.Lorem.Sentence(12)}\"\n");
                break;
        }
        sb.Append($"    explanation: \"{f.Lorem.Sentence(10)}\"\n");
    }
}
