using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Files;
using Competition.Engine.QuestionBank.Sheets;

namespace Competition.Tests.Unit.QuestionBank;

/// <summary>How a bank or a question is marked exam-only (仅限考试): in the bank file and in the import sheet.</summary>
public class SealedBankTests
{
    private static BankFile Read(string tradeExtra, string questionExtra) => BankFileReader.Read(new StringReader($"""
        trade:
          code: contest-fitter
          name: 钳工竞赛题库
          nameEn: Fitter Contest
          category: 竞赛
        {tradeExtra}
        questions:
          - id: contest-fitter-001
            level: 四级
            type: truefalse
            difficulty: 2
            knowledgePoints: [锉削]
            stem: 锉削时两手用力应随锉刀推进而变化。
            answer: true
            explanation: 保持锉刀平衡。
        {questionExtra}
        """), "contest-fitter.yaml");

    [Fact]
    public void TheBankFileSaysSealedForTheWholeBankOrOneQuestion_AndSilenceLeavesItAlone()
    {
        var plain = Read("", "");
        plain.Errors.ShouldBeEmpty();
        (plain.Trade!.IsSealed, plain.Questions[0].Sealed).ShouldBe((false, (bool?)null));
        Read("  sealed: true", "").Trade!.IsSealed.ShouldBeTrue();
        Read("", "    sealed: true").Questions[0].Sealed.ShouldBe(true);
        Read("", "    sealed: false").Questions[0].Sealed.ShouldBe(false);
    }

    [Fact]
    public void ASealedFieldThatIsNotYesOrNo_IsAnErrorAtItsLine()
    {
        Read("  sealed: maybe", "").Errors.ShouldHaveSingleItem().Reason.ShouldContain("trade.sealed");
        var bad = Read("", "    sealed: 也许");
        bad.Errors.ShouldHaveSingleItem().ToString().ShouldStartWith("contest-fitter.yaml:16: contest-fitter-001: sealed 只能是 true 或 false");
    }

    private static readonly Dictionary<string, string> Trades = new() { ["fitter"] = "fitter" };

    private static SheetTable Sheet(params string[][] rows) => new(rows[0], rows.Skip(1).Select((r, i) => new SheetRow(i + 2, r)).ToList());

    private static string[] Row(string id, string? sealedCell) =>
        [id, "fitter", "四级", "判断", "2", "锉削", $"题干{id}", "", "", "", "", "", "", "", "", "对", "解析", .. sealedCell is null ? Array.Empty<string>() : [sealedCell]];

    [Fact]
    public void TheImportColumn_SealsWithYes_ClearsWhenBlankOrNo_AndIsLeftAloneWithoutTheColumn()
    {
        var headers = BankTemplate.Headers.ToArray();
        headers[^1].ShouldBe("仅限考试");
        var (questions, problems) = BankRowMapper.Map(Sheet(headers, Row("f-1", "是"), Row("f-2", ""), Row("f-3", "否")), Trades, "fitter");
        problems.ShouldBeEmpty();
        questions.Select(q => q.Sealed).ShouldBe([true, false, false]);

        var (without, _) = BankRowMapper.Map(Sheet(headers[..^1], Row("f-1", null)), Trades, "fitter");
        without.ShouldHaveSingleItem().Sealed.ShouldBeNull();

        var (_, bad) = BankRowMapper.Map(Sheet(headers, Row("f-1", "也许")), Trades, "fitter");
        bad.ShouldHaveSingleItem().Column.ShouldBe("仅限考试(sealed)");
    }

    [Fact]
    public void AnExportedRow_CarriesTheFlag_SoItImportsBackTheSame()
    {
        var content = new QuestionContent(SkillLevel.Level4, QuestionType.TrueFalse, 2, "题干", [], ["true"], "解析", ["锉削"]);
        var cells = BankRowMapper.ToCells("f-1", "fitter", content, sealedForExams: true);
        cells.Count.ShouldBe(BankTemplate.Headers.Count);
        BankRowMapper.Map(Sheet([.. BankTemplate.Headers], [.. cells]), Trades, "fitter").Questions.ShouldHaveSingleItem().Sealed.ShouldBe(true);
    }
}
