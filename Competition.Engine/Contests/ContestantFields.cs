using Competition.Engine.Common;

namespace Competition.Engine.Contests;

/// <summary>The text fields of a contestant, for the form and the sheet alike; limits match the database columns.</summary>
public static class ContestantFields
{
    public static readonly TextField Number = new("Number", "参赛号", 16, TextShape.Code);
    public static readonly TextField Name = new("Name", "姓名", 64);
    public static readonly TextField UnitName = new("UnitName", "单位", 128);
    public static readonly TextField City = new("CityCode", "城市", 32);
    public static readonly TextField Group = new("Group", "组别", 32);
    public static readonly TextField Team = new("Team", "团队", 64, Required: false);

    /// <summary>Numbers are compared as judges read them: "a01", "A01" and "Ａ01" are one number.</summary>
    public static string NumberKey(string number) => TextRules.Key(number);

    /// <summary>The contest's group a typed group means (case, width and spaces aside), or null.</summary>
    public static string? MatchGroup(Contest contest, string group) =>
        contest.GroupList.FirstOrDefault(g => TextRules.Key(g) == TextRules.Key(group));
}
