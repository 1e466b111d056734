namespace Competition.Engine.QuestionBank;

/// <summary>职业技能等级. The number is the national grade: 5 is the entry level, 1 the highest.</summary>
public enum SkillLevel
{
    Level1 = 1, // 一级/高级技师
    Level2 = 2, // 二级/技师
    Level3 = 3, // 三级/高级工
    Level4 = 4, // 四级/中级工
    Level5 = 5, // 五级/初级工
}

public static class SkillLevels
{
    private static readonly Dictionary<string, SkillLevel> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["五级"] = SkillLevel.Level5, ["初级工"] = SkillLevel.Level5, ["五级/初级工"] = SkillLevel.Level5, ["5"] = SkillLevel.Level5,
        ["四级"] = SkillLevel.Level4, ["中级工"] = SkillLevel.Level4, ["四级/中级工"] = SkillLevel.Level4, ["4"] = SkillLevel.Level4,
        ["三级"] = SkillLevel.Level3, ["高级工"] = SkillLevel.Level3, ["三级/高级工"] = SkillLevel.Level3, ["3"] = SkillLevel.Level3,
        ["二级"] = SkillLevel.Level2, ["技师"] = SkillLevel.Level2, ["二级/技师"] = SkillLevel.Level2, ["2"] = SkillLevel.Level2,
        ["一级"] = SkillLevel.Level1, ["高级技师"] = SkillLevel.Level1, ["一级/高级技师"] = SkillLevel.Level1, ["1"] = SkillLevel.Level1,
    };

    public static readonly IReadOnlyList<SkillLevel> Ordered =
        [SkillLevel.Level5, SkillLevel.Level4, SkillLevel.Level3, SkillLevel.Level2, SkillLevel.Level1];

    public static bool TryParse(string? text, out SkillLevel level) => ByName.TryGetValue((text ?? "").Trim(), out level);

    /// <summary>The short grade name used in bank files: 五级 … 一级.</summary>
    public static string Grade(this SkillLevel level) => level switch
    {
        SkillLevel.Level5 => "五级", SkillLevel.Level4 => "四级", SkillLevel.Level3 => "三级",
        SkillLevel.Level2 => "二级", _ => "一级",
    };

    public static string Title(this SkillLevel level) => level switch
    {
        SkillLevel.Level5 => "五级/初级工", SkillLevel.Level4 => "四级/中级工", SkillLevel.Level3 => "三级/高级工",
        SkillLevel.Level2 => "二级/技师", _ => "一级/高级技师",
    };

    public const string Accepted = "五级/四级/三级/二级/一级（或 初级工/中级工/高级工/技师/高级技师）";
}
