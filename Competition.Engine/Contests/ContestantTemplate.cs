using Competition.Engine.QuestionBank.Sheets;

namespace Competition.Engine.Contests;

/// <summary>
/// The contestant import template: the header row <see cref="ImportContestants"/> reads, and no example rows, which
/// could be imported by mistake. The page next to the download explains each column.
/// </summary>
public static class ContestantTemplate
{
    public static readonly IReadOnlyList<string> Headers = ["参赛号", "姓名", "单位", "城市", "组别", "团队"];

    public const string FileName = "选手名单模板.xlsx";

    public static byte[] Xlsx() => XlsxWriter.Write("选手名单", [Headers]);
}
