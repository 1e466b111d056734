using System.Diagnostics;
using Competition.Engine.QuestionBank.Files;
using Competition.Engine.QuestionBank.Sheets;
using Competition.Engine.QuestionBank;
using Competition.Tests.Infrastructure;

namespace Competition.Tests.Integration.QuestionBank;

/// <summary>The `banks` verbs, run as a user runs them: the built app as a separate process.</summary>
public class BankCommandLineTests
{
    private static (int Exit, string Out, string Err) Run(string args, Dictionary<string, string>? env = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Competition.Web.dll");
        var psi = new ProcessStartInfo("dotnet", $"\"{dll}\" {args}") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Paths.RepoRoot };
        psi.Environment["PWD"] = Paths.RepoRoot;
        foreach (var kv in env ?? []) psi.Environment[kv.Key] = kv.Value;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit(120_000).ShouldBeTrue("command timed out");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void ValidateShippedBanks_PrintsALinePerTradeAndATotal()
    {
        var trades = BankFolder.Read(Paths.ShippedBanks).Files.Count;
        var (exit, output, err) = Run("banks validate question-banks");
        exit.ShouldBe(0, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Count(l => l.Contains(" questions  levels ")).ShouldBe(trades);
        lines.ShouldContain(l => l.StartsWith("lathe-operator") && l.Contains("车工"));
        lines.Last().ShouldStartWith($"total: {trades} trades,");
        lines.Last().ShouldEndWith("0 errors");
    }

    [Fact]
    public void ValidateBrokenBank_PrintsFileLineReasonAndFails()
    {
        var dir = Directory.CreateTempSubdirectory("badbank-").FullName;
        File.WriteAllText(Path.Combine(dir, "bad.yaml"), "trade:\n  code: bad\n  name: 坏\n  nameEn: Bad\n  category: 测试\nquestions:\n" +
            "  - id: bad-001\n    level: 五级\n    type: single\n    difficulty: 2\n    knowledgePoints: [k]\n    stem: 题\n    options:\n      A: 1\n      B: 2\n      C: 3\n    answer: D\n    explanation: e\n");
        var (exit, _, err) = Run($"banks validate {dir}");
        exit.ShouldNotBe(0);
        err.ShouldContain("bad.yaml:17: bad-001: 答案 D 不在选项 ABC 中");
        Directory.Delete(dir, true);
    }

    [Fact]
    public void ImportBadSheet_PrintsRowReportAndWritesNothing_ThenAGoodOneIsImported()
    {
        var dir = Directory.CreateTempSubdirectory("cli-import-").FullName;
        var env = new Dictionary<string, string> { ["Database__ConnectionString"] = $"Data Source={dir}/cli.db" };
        string[] Row(string answer) => ["lathe-operator-cli-001", "lathe-operator", "五级", "判断", "1", "安全文明生产", "车床运转时可以用手清除切屑。", "", "", "", "", "", "", "", "", answer, "应停车后用钩子清除。"];
        File.WriteAllBytes(Path.Combine(dir, "bad.xlsx"), XlsxWriter.Write("s", [BankTemplate.Headers, Row("也许")]));
        var bad = Run($"banks import {dir}/bad.xlsx --trade lathe-operator", env);
        bad.Exit.ShouldBe(1);
        bad.Err.ShouldContain("第 2 行，答案(answer)：判断题答案必须是 对/错");

        File.WriteAllBytes(Path.Combine(dir, "good.xlsx"), XlsxWriter.Write("s", [BankTemplate.Headers, Row("错")]));
        var good = Run($"banks import {dir}/good.xlsx --trade lathe-operator", env);
        good.Exit.ShouldBe(0, good.Err);
        good.Out.ShouldContain("imported 1 questions into lathe-operator (1 added");
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Synth_WritesAMarkedBankOutsideTheShippedFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "synth-" + Guid.NewGuid().ToString("N")[..8]);
        var (exit, output, err) = Run($"banks synth --questions 700 --out {dir}");
        exit.ShouldBe(0, err);
        output.ShouldContain("wrote 700 synthetic questions");
        var bank = BankFolder.Read(dir);
        bank.Errors.ShouldBeEmpty();
        bank.QuestionCount.ShouldBe(700);
        bank.Files.ShouldAllBe(f => f.Trade!.IsSynthetic && f.Questions.All(q => q.Id.StartsWith("syn-")));
        Run("banks synth --questions 10 --out question-banks/synthetic").Exit.ShouldBe(2);
        Directory.Delete(dir, true);
    }
}
