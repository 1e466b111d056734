namespace Competition.Engine.Organizations;

/// <summary>The cities the platform knows from the start: Anhui contest cities and the G60 corridor.</summary>
public static class CityCatalog
{
    public static readonly IReadOnlyList<City> All =
    [
        new("maanshan", "马鞍山", "安徽", false),
        new("bozhou", "亳州", "安徽", false),
        new("tongling", "铜陵", "安徽", false),
        new("hefei", "合肥", "安徽", true),
        new("wuhu", "芜湖", "安徽", true),
        new("xuancheng", "宣城", "安徽", true),
        new("songjiang", "上海松江", "上海", true),
        new("jiaxing", "嘉兴", "浙江", true),
        new("hangzhou", "杭州", "浙江", true),
        new("jinhua", "金华", "浙江", true),
        new("huzhou", "湖州", "浙江", true),
        new("suzhou", "苏州", "江苏", true),
    ];
}
