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
        $"第 {section + 1} 部分第 {cell + 1} 格（{Common.TextRules.Quote(TradeCode)} {string.Join("/", (Levels ?? []).Where(Enum.IsDefined).Select(l => l.Grade()))} {(Enum.IsDefined(Type) ? Type.Title() : "")}" +
        (KnowledgePoints is { Count: > 0 } ? $"，知识点 {string.Join("、", KnowledgePoints.Select(k => Common.TextRules.Quote(k)))}" : "") + "）";
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

    public const int MaxQuestions = 1000;
    public const double MaxPointsPerQuestion = 100;

    public IEnumerable<BlueprintCell> Cells => (Sections ?? []).SelectMany(s => s?.Cells ?? []);
    public int QuestionCount => (int)Math.Min(int.MaxValue, Cells.Sum(c => (long)c.Count));
    public double MaxScore => Cells.Sum(c => c.Count * c.Points);

    /// <summary>The count-weighted mean of the cells' targets.</summary>
    public double TargetDifficulty => QuestionCount == 0 ? 0 : Cells.Sum(c => c.Count * c.TargetDifficulty) / QuestionCount;

    public string ToJson() => JsonSerializer.Serialize(this, Json);
    public static Blueprint FromJson(string json) => JsonSerializer.Deserialize<Blueprint>(json, Json)!;

    public IEnumerable<string> Problems()
    {
        if (Sections is null || Sections.Count == 0 || QuestionCount == 0) { yield return "蓝图至少需要一个部分和一道题"; yield break; }
        if (QuestionCount > MaxQuestions) yield return $"一份试卷最多 {MaxQuestions} 题（现为 {QuestionCount} 题）";
        if (!double.IsFinite(Tolerance) || Tolerance is < 0.05 or > 2) yield return "难度容差应在 0.05–2 之间";
        for (var s = 0; s < Sections.Count; s++)
        {
            if (Sections[s]?.Cells is not { } cells) { yield return $"第 {s + 1} 部分没有内容"; continue; }
            if (SectionTitle.Clean(Sections[s].Title).Problem is { } title) yield return $"第 {s + 1} 部分：{title}";
            for (var c = 0; c < cells.Count; c++)
            {
                var cell = cells[c];
                if (cell is null || string.IsNullOrWhiteSpace(cell.TradeCode) || cell.TradeCode.Length > 64 || cell.Levels is null)
                {
                    yield return $"第 {s + 1} 部分第 {c + 1} 格：请选择工种和等级";
                    continue;
                }
                var at = cell.Describe(s, c);
                if (cell.Count is < 1 or > MaxQuestions) yield return $"{at}：题数应在 1–{MaxQuestions} 之间";
                // NaN passes every "x <= 0" check, and 1e308 points make the paper's total infinite.
                if (!double.IsFinite(cell.Points) || cell.Points <= 0 || cell.Points > MaxPointsPerQuestion)
                    yield return $"{at}：每题分值应大于 0、不超过 {MaxPointsPerQuestion:0}";
                if (cell.Levels.Count == 0) yield return $"{at}：至少选择一个等级";
                if (cell.Levels.Any(l => !Enum.IsDefined(l)) || !Enum.IsDefined(cell.Type)) yield return $"{at}：等级或题型不存在";
                if (!double.IsFinite(cell.TargetDifficulty) || cell.TargetDifficulty is < 1 or > 5) yield return $"{at}：目标难度应在 1–5 之间";
                if (cell.Type == QuestionType.ShortAnswer && cell.Points > 50) yield return $"{at}：简答题每题分值过大";
                if ((cell.KnowledgePoints ?? []).Select(k => QuestionFields.KnowledgePoint.Clean(k).Problem).FirstOrDefault(p => p is not null) is { } kp)
                    yield return $"{at}：{kp}";
            }
        }
    }

    private static readonly Common.TextField SectionTitle = new("Blueprint", "部分标题", 100, Common.TextShape.Line, Required: false);
}
