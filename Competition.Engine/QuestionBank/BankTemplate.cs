using System.Text;
using Competition.Engine.QuestionBank.Sheets;

namespace Competition.Engine.QuestionBank;

/// <summary>The downloadable import template: the column headers and one example row per question type.</summary>
public static class BankTemplate
{
    public static IReadOnlyList<string> Headers => BankColumns.All.Select(c => c.Chinese).ToList();

    private static IEnumerable<IReadOnlyList<string>> Rows(string trade)
    {
        yield return Headers;
        yield return BankRowMapper.ToCells("example-001", trade, new QuestionContent(SkillLevel.Level5, QuestionType.Single, 1,
            "国家规定的安全电压上限（工频交流有效值）为（　）。",
            [new("A", "24 V"), new("B", "36 V"), new("C", "42 V"), new("D", "50 V")], ["D"],
            "GB/T 3805 规定工频安全电压有效值的限值为 50 V；36 V、24 V 等是按环境选用的额定值。", ["安全用电"]));
        yield return BankRowMapper.ToCells("example-002", trade, new QuestionContent(SkillLevel.Level4, QuestionType.Multiple, 2,
            "下列属于个人防护用品的有（　）。",
            [new("A", "安全帽"), new("B", "绝缘手套"), new("C", "配电箱"), new("D", "护目镜")], ["A", "B", "D"],
            "配电箱是电气设备，不是个人防护用品。", ["劳动防护"]));
        yield return BankRowMapper.ToCells("example-003", trade, new QuestionContent(SkillLevel.Level5, QuestionType.TrueFalse, 1,
            "发现有人触电，应首先切断电源或使触电者脱离电源。", [], ["true"], "先断电再施救，防止施救者触电。", ["触电急救"]));
        yield return BankRowMapper.ToCells("example-004", trade, new QuestionContent(SkillLevel.Level3, QuestionType.FillBlank, 2,
            "我国工频交流电的频率为 ________ Hz。", [], ["50|50Hz"], "我国电网额定频率为 50 Hz。", ["电工基础"]));
        yield return BankRowMapper.ToCells("example-005", trade, new QuestionContent(SkillLevel.Level2, QuestionType.ShortAnswer, 3,
            "简述停电检修的安全技术措施。", [], ["停电、验电、装设接地线、悬挂标示牌和装设遮栏。"], "《电力安全工作规程》规定的保证安全的技术措施。", ["安全技术措施"]));
    }

    public static byte[] Xlsx(string trade = "electrician") => XlsxWriter.Write("题库模板", Rows(trade));

    /// <summary>UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly.</summary>
    public static byte[] Csv(string trade = "electrician") =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Sheets.Csv.Write(Rows(trade).Select(r => r.Select(SpreadsheetSafe.Escape).ToList())))];
}
