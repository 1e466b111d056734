using Competition.Engine.QuestionBank.Sheets;

namespace Competition.Engine.Contests;

/// <summary>
/// The contestant import template: a first sheet with only the header row <see cref="ImportContestants"/> reads (no
/// example rows, which could be imported by mistake) and a second sheet that explains each column; the importer reads
/// only the first sheet.
/// </summary>
public static class ContestantTemplate
{
    public static readonly IReadOnlyList<string> Headers = ["参赛号", "姓名", "单位", "城市", "组别", "团队"];

    public const string FileName = "选手名单模板.xlsx";

    public const string InstructionsSheet = "填写说明";

    private static readonly IReadOnlyList<string>[] Instructions =
    [
        ["列", "必填", "说明", "示例"],
        ["参赛号", "是", "本竞赛内唯一，裁判评分表只显示参赛号", "A001"],
        ["姓名", "是", "选手姓名（评分表不显示）", "张三"],
        ["单位", "是", "选手所在单位的全称", "马鞍山钢铁股份有限公司"],
        ["城市", "是", "城市名称或代码；市级竞赛只收本市选手，省级收本省，长三角不限", "马鞍山"],
        ["组别", "是", "须为本竞赛设置的组别之一", "职工组"],
        ["团队", "否", "团体赛的队名，个人赛留空", "马钢一队"],
        ["", "", "整张表全部通过才登记（任何一行有误都不登记，并按行列列出问题）；只读取第一个工作表。", ""],
    ];

    public static byte[] Xlsx() => XlsxWriter.Write(
        new XlsxWriter.SheetSpec("选手名单", [Headers]),
        new XlsxWriter.SheetSpec(InstructionsSheet, Instructions));
}
