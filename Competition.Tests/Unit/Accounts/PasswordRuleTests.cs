using Competition.Engine.Accounts;

namespace Competition.Tests.Unit.Accounts;

public class PasswordRuleTests
{
    [Theory]
    [InlineData("gongren2026", true)]
    [InlineData("焊工2026年春季", true)]
    [InlineData("a1b2c3d4", true)]
    [InlineData("12345678", false)]          // a phone-number-like password: no letter
    [InlineData("abcdefgh", false)]          // no digit
    [InlineData("abc1234", false)]           // 7 characters
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Password_MeetsTheRuleOnlyWithEightCharactersALetterAndADigit(string? password, bool met) => PasswordRule.IsMet(password).ShouldBe(met);

    [Fact]
    public void Message_SaysWhatIsChecked()
    {
        PasswordRule.Message.ShouldContain($"{PasswordRule.MinLength} 位");
        PasswordRule.Message.ShouldContain("字母");
        PasswordRule.Message.ShouldContain("数字");
    }
}
