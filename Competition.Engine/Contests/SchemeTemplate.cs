using Competition.Engine.QuestionBank.Sheets;

namespace Competition.Engine.Contests;

/// <summary>The columns of a marking-scheme sheet; also the names the item rules give their problems, so a problem lands in its column.</summary>
public static class SchemeColumns
{
    public const string Task = "任务名称";
    public const string Station = "工位";
    public const string Code = "评分项编号";
    public const string Title = "评分项名称";
    public const string Kind = "评分方式";
    public const string Points = "配分";
    public const string Nominal = "基本尺寸";
    public const string Lower = "下偏差";
    public const string Upper = "上偏差";
    public const string Judges = "评判裁判数";
    public const string Decimals = "读数小数位";

    public static readonly IReadOnlyList<string> All = [Task, Station, Code, Title, Kind, Points, Nominal, Lower, Upper, Judges, Decimals];

    public const string MeetsOrNot = "符合/不符合";
    public const string Measured = "测量";
    public const string Judgement = "评判";
    public static readonly IReadOnlyList<string> Kinds = [MeetsOrNot, Measured, Judgement];
}

/// <summary>
/// The marking-scheme template for a practical round: a first sheet 评分细则 with the header row only (an example row
/// could be imported by mistake) and drop-downs for 评分方式 and 评判裁判数, and a 填写说明 sheet that explains every
/// column with an example. <see cref="ReadSchemeSheet"/> reads only the first sheet.
/// </summary>
public static class SchemeTemplate
{
    public const string FileName = "评分细则模板.xlsx";
    public const string DataSheet = "评分细则";
    public const string InstructionsSheet = "填写说明";

    private static readonly IReadOnlyList<string>[] Instructions =
    [
        ["列", "必填", "说明", "示例"],
        [SchemeColumns.Task, "是", "每行一个评分项；同一任务的各行重复填写任务名称和工位。任务按首次出现的顺序、评分项按行的顺序导入", "凹凸件锉配"],
        [SchemeColumns.Station, "是", "字母、数字，最多 32 个字符；裁判按工位分配。同一任务只能有一个工位", "A1"],
        [SchemeColumns.Code, "是", "同一任务内不能重复；评分表上显示此编号", "M1"],
        [SchemeColumns.Title, "是", "评分项的内容，最多 200 个字", "尺寸 20±0.05"],
        [SchemeColumns.Kind, "是", "从下拉列表选择：符合/不符合（裁判填符合或不符合）、测量（填测得值，按公差判定）、评判（3 或 5 名裁判各打 0–3 分）", SchemeColumns.Measured],
        [SchemeColumns.Points, "是", $"该项的分值，大于 0、最多 {ContestInput.MaxItemPoints:0} 分、最多 2 位小数；本轮满分为各项配分之和", "20"],
        [SchemeColumns.Nominal, "测量项必填", "图纸上的基本尺寸；其他评分方式留空", "20"],
        [SchemeColumns.Lower, "测量项必填", "按图纸填写带符号的偏差：下偏差为 0 或负数，上偏差为 0 或正数（下限 = 基本尺寸 + 下偏差）；无公差填 0。导入后设置页面上的下偏差显示为不带符号的数值（0.05 表示下限为基本尺寸 − 0.05）", "-0.05"],
        [SchemeColumns.Upper, "测量项必填", "上限 = 基本尺寸 + 上偏差；下偏差不能大于上偏差", "0.05"],
        [SchemeColumns.Judges, "否", "仅评判项：从下拉列表选择 3（三人打分，相差不超过 1）或 5（五人打分，去掉最高最低）；留空为 3", "3"],
        [SchemeColumns.Decimals, "否", "仅测量项：测得值最多几位小数（0–6）；留空为图纸精度加 1 位。Excel 的数字单元格不保留末尾的 0（20.00 存为 20），需要时请填写此列", "3"],
        ["", "", "整张表全部通过才导入（任何一行有误都不导入，并按行列列出问题）；导入后在页面上核对，按“保存竞赛”才生效。只读取第一个工作表，本说明页不会被导入。", ""],
    ];

    public static byte[] Xlsx() => XlsxWriter.Write(
        new XlsxWriter.SheetSpec(DataSheet, [SchemeColumns.All],
        [
            new(ColumnOf(SchemeColumns.Kind), SchemeColumns.Kinds, SchemeColumns.Kind, "从列表中选择评分方式"),
            new(ColumnOf(SchemeColumns.Judges), ["3", "5"], SchemeColumns.Judges, "评判项选 3 或 5 名裁判"),
        ]),
        new XlsxWriter.SheetSpec(InstructionsSheet, Instructions));

    private static int ColumnOf(string column) => SchemeColumns.All.ToList().IndexOf(column);
}
