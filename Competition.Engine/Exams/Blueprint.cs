using System.Text.Json;
using System.Text.Json.Serialization;
using Competition.Engine.QuestionBank;

namespace Competition.Engine.Exams;

/// <summary>One cell of a blueprint: how many questions of which trade, levels and type, worth how much, how hard.</summary>
/// <param name="KnowledgePoints">When given, only questions on these points qualify, and each point is covered at least once when the count allows.</param>
public sealed record BlueprintCell(string TradeCode, IReadOnlyList<SkillLevel> Levels, QuestionType Type, int Count, double Points,
    double TargetDifficulty, IReadOnlyList<string> KnowledgePoints)
{
    public string Describe(int section, int cell) =>
        $"第 {section + 1} 部分第 {cell + 1} 格（{TradeCode} {string.Join("/", Levels.Select(l => l.Grade()))} {Type.Title()}" +
        (KnowledgePoints.Count > 0 ? $"，知识点 {string.Join("、", KnowledgePoints)}" : "") + "）";
}

public sealed record BlueprintSection(string Title, IReadOnlyList<BlueprintCell> Cells);

/// <summary>
/// What every candidate's paper must look like. Papers differ in their questions but not in their make-up:
/// the same cells, and a mean difficulty within <see cref="Tolerance"/> of <see cref="TargetDifficulty"/>.
/// </summary>
public sealed record Blueprint(IReadOnlyList<BlueprintSection> Sections, double Tolerance = 0.3)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public IEnumerable<BlueprintCell> Cells => Sections.SelectMany(s => s.Cells);
    public int QuestionCount => Cells.Sum(c => c.Count);
    public double MaxScore => Cells.Sum(c => c.Count * c.Points);

    /// <summary>The count-weighted mean of the cells' targets.</summary>
    public double TargetDifficulty => QuestionCount == 0 ? 0 : Cells.Sum(c => c.Count * c.TargetDifficulty) / QuestionCount;

    public string ToJson() => JsonSerializer.Serialize(this, Json);
    public static Blueprint FromJson(string json) => JsonSerializer.Deserialize<Blueprint>(json, Json)!;

    public IEnumerable<string> Problems()
    {
        if (Sections.Count == 0 || QuestionCount == 0) yield return "蓝图至少需要一个部分和一道题";
        if (Tolerance is < 0.05 or > 2) yield return "难度容差应在 0.05–2 之间";
        for (var s = 0; s < Sections.Count; s++)
        for (var c = 0; c < Sections[s].Cells.Count; c++)
        {
            var cell = Sections[s].Cells[c];
            var at = cell.Describe(s, c);
            if (cell.Count < 1) yield return $"{at}：题数至少为 1";
            if (cell.Points <= 0) yield return $"{at}：每题分值必须大于 0";
            if (cell.Levels.Count == 0) yield return $"{at}：至少选择一个等级";
            if (cell.TargetDifficulty is < 1 or > 5) yield return $"{at}：目标难度应在 1–5 之间";
            if (cell.Type == QuestionType.ShortAnswer && cell.Points > 50) yield return $"{at}：简答题每题分值过大";
        }
    }
}
