using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Files;
using Competition.Tests.Infrastructure;

namespace Competition.Tests.Unit.QuestionBank;

/// <summary>The banks we ship: valid, 35 trades, each with at least 40 questions over three levels and three types.</summary>
public class ShippedBanksTests
{
    private static readonly BankFolder Banks = BankFolder.Read(Paths.ShippedBanks);

    [Fact]
    public void ShippedBanks_AreValid() => Banks.Errors.Select(e => e.ToString()).ShouldBeEmpty();

    [Fact]
    public void ShippedBanks_Cover35TradesWithTheRequiredOnes()
    {
        var names = Banks.Files.Select(f => f.Trade!.Name).ToList();
        names.Count.ShouldBeGreaterThanOrEqualTo(35);
        string[] required = ["车工", "钳工", "电工", "焊工", "数控机床装调维修工", "工业机器人系统操作员", "电线电缆制造工", "美容师", "美发师",
            "网络与信息安全管理员", "生态环境监测员", "铣工", "电梯安装维修工", "汽车维修工", "中式烹调师", "养老护理员", "快递员", "叉车司机",
            "炼钢工", "轧钢工", "模具工", "电力线路工", "消防设施操作员", "化学检验员", "仪器仪表维修工", "起重装卸机械操作工"];
        required.Except(names).ShouldBeEmpty();
    }

    [Fact]
    public void EveryTrade_HasFortyQuestionsThreeLevelsAndThreeTypes()
    {
        foreach (var s in Banks.Summaries)
        {
            s.Questions.ShouldBeGreaterThanOrEqualTo(40, s.Code);
            s.Levels.Count.ShouldBeGreaterThanOrEqualTo(3, s.Code);
            s.Types.Count.ShouldBeGreaterThanOrEqualTo(3, s.Code);
        }
    }

    [Fact]
    public void NoShippedBankIsSynthetic() =>
        Banks.Files.ShouldAllBe(f => !f.Trade!.IsSynthetic && f.Questions.All(q => !q.Id.StartsWith("syn-")));

    [Fact]
    public void FileNames_MatchTradeCodes() =>
        Banks.Files.ShouldAllBe(f => Path.GetFileNameWithoutExtension(f.Path) == f.Trade!.Code);

    [Fact]
    public void QuestionIds_StartWithTheirTradeCode() =>
        Banks.Files.ShouldAllBe(f => f.Questions.All(q => q.Id.StartsWith(f.Trade!.Code + "-")));

    [Fact]
    public void MultipleChoiceKeys_HaveAtLeastOneWrongOption() =>
        Banks.Files.SelectMany(f => f.Questions).Where(q => q.Content.Type == QuestionType.Multiple)
            .ShouldAllBe(q => q.Content.Answer.Count < q.Content.Options.Count);
}
