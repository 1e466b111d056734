using System.Text;
using Competition.Engine.QuestionBank.Sheets;

namespace Competition.Engine.QuestionBank;

/// <summary>
/// The downloadable import template: a data sheet (read by the import, first in the workbook) with the column headers only —
/// no example rows that could be imported by mistake — and drop-downs for level and type; the instructions and examples live on
/// their own sheet, which the import never reads. The trade is chosen once on the import page, so the template has no trade
/// column (a sheet that still has one, in the old layout, imports as before).
/// </summary>
public static class BankTemplate
{
    /// <summary>Every column, as exports write them (with the trade, so an export can be imported back anywhere).</summary>
    public static IReadOnlyList<string> Headers => BankColumns.All.Select(c => c.Chinese).ToList();

    /// <summary>The template's columns: all but the trade, which the import page asks once for the whole file.</summary>
    public static IReadOnlyList<string> TemplateHeaders => BankColumns.All.Where(c => c.Key != "trade").Select(c => c.Chinese).ToList();

    public const string DataSheet = "题库";
    public const string InstructionsSheet = "填写说明";

    public static IReadOnlyList<string> LevelChoices => SkillLevels.Ordered.Select(l => l.Grade()).ToList();
    public static IReadOnlyList<string> TypeChoices => Enum.GetValues<QuestionType>().Select(t => t.Title()).ToList();

    private static int Column(string key) => BankColumns.All.Where(c => c.Key != "trade").Select(c => c.Key).ToList().IndexOf(key);

    private static IEnumerable<IReadOnlyList<string>> Instructions()
    {
        yield return ["项目", "说明"];
        yield return ["使用方法", $"在“{DataSheet}”工作表中从第 2 行起每行填一道题；本说明页不会被导入。导入时在“导入题库”页面选择工种（整份文件一个工种）。"];
        yield return ["题目编号", "小写字母、数字和连字符，如 electrician-101；同一编号再次导入会生成该题的新版本。"];
        yield return ["等级", $"从下拉列表选择：{string.Join("、", LevelChoices)}（也接受 {SkillLevels.Accepted}）。"];
        yield return ["题型", $"从下拉列表选择：{string.Join("、", TypeChoices)}。"];
        yield return ["难度", "1（最易）到 5（最难）的整数。"];
        yield return ["知识点", "至少一个，多个用；分隔。"];
        yield return ["选项", "单选、多选题填选项A、选项B…（至少 3 个，连续填写）；其他题型留空。"];
        yield return ["答案", "单选填一个字母（如 D）；多选填全部正确字母（如 ABD）；判断填 对 或 错；填空每空用；分隔，同一空的多个答案用 | 分隔；简答填参考答案。"];
        yield return ["解析", "必填，交卷或练兵后给职工看。"];
        yield return ["仅限考试", "填“是”则只用于考试和竞赛，网上练兵不提供；可留空。"];
        yield return ["", ""];
        yield return ["示例（仅供参考，不会被导入）", ""];
        yield return [.. TemplateHeaders];
        foreach (var row in Examples()) yield return row;
    }

    private static IEnumerable<IReadOnlyList<string>> Examples()
    {
        IReadOnlyList<string> Row(string id, QuestionContent q) =>
            BankRowMapper.ToCells(id, "", q).Where((_, i) => BankColumns.All[i].Key != "trade").ToList();
        yield return Row("example-001", new QuestionContent(SkillLevel.Level5, QuestionType.Single, 1,
            "国家规定的安全电压上限（工频交流有效值）为（　）。",
            [new("A", "24 V"), new("B", "36 V"), new("C", "42 V"), new("D", "50 V")], ["D"],
            "GB/T 3805 规定工频安全电压有效值的限值为 50 V；36 V、24 V 等是按环境选用的额定值。", ["安全用电"]));
        yield return Row("example-002", new QuestionContent(SkillLevel.Level4, QuestionType.Multiple, 2,
            "下列属于个人防护用品的有（　）。",
            [new("A", "安全帽"), new("B", "绝缘手套"), new("C", "配电箱"), new("D", "护目镜")], ["A", "B", "D"],
            "配电箱是电气设备，不是个人防护用品。", ["劳动防护"]));
        yield return Row("example-003", new QuestionContent(SkillLevel.Level5, QuestionType.TrueFalse, 1,
            "发现有人触电，应首先切断电源或使触电者脱离电源。", [], ["true"], "先断电再施救，防止施救者触电。", ["触电急救"]));
        yield return Row("example-004", new QuestionContent(SkillLevel.Level3, QuestionType.FillBlank, 2,
            "我国工频交流电的频率为 ________ Hz。", [], ["50|50Hz"], "我国电网额定频率为 50 Hz。", ["电工基础"]));
        yield return Row("example-005", new QuestionContent(SkillLevel.Level2, QuestionType.ShortAnswer, 3,
            "简述停电检修的安全技术措施。", [], ["停电、验电、装设接地线、悬挂标示牌和装设遮栏。"], "《电力安全工作规程》规定的保证安全的技术措施。", ["安全技术措施"]));
    }

    public static byte[] Xlsx() => XlsxWriter.Write(
        new XlsxWriter.SheetSpec(DataSheet, [TemplateHeaders],
        [
            new(Column("level"), LevelChoices, "等级", "从列表中选择等级"),
            new(Column("type"), TypeChoices, "题型", "从列表中选择题型"),
        ]),
        new XlsxWriter.SheetSpec(InstructionsSheet, Instructions()));

    /// <summary>UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly. Headers only: a CSV has one sheet,
    /// so the instructions are in the xlsx template and on the import page.</summary>
    public static byte[] Csv() =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Sheets.Csv.Write([TemplateHeaders.Select(SpreadsheetSafe.Escape).ToList()]))];
}
