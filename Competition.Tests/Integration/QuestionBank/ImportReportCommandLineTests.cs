using System.Diagnostics;
using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Sheets;
using Competition.Tests.Infrastructure;
using Competition.Tests.Unit.QuestionBank;

namespace Competition.Tests.Integration.QuestionBank;

/// <summary>`banks import` against hostile sheets, run as a user runs it: the report is capped and the row limit named.</summary>
public class ImportReportCommandLineTests
{
    private static (int Exit, string Out, string Err) Run(string args, Dictionary<string, string> env)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Competition.Web.dll");
        var psi = new ProcessStartInfo("dotnet", $"\"{dll}\" {args}") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Paths.RepoRoot };
        psi.Environment["PWD"] = Paths.RepoRoot;
        foreach (var kv in env) psi.Environment[kv.Key] = kv.Value;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit(180_000).ShouldBeTrue("command timed out");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void BadAndHugeSheets_PrintTheFirstHundredProblemsAndTheRowLimit()
    {
        var dir = Directory.CreateTempSubdirectory("cli-hostile-").FullName;
        try
        {
            var env = new Dictionary<string, string> { ["Database__ConnectionString"] = $"Data Source={dir}/cli.db" };
            string[] Row(int i) => [$"lathe-operator-cli-{i}", "lathe-operator", "特级", "判断", "1", "安全", "题干" + i, "", "", "", "", "", "", "", "", "对", "解析"];
            File.WriteAllBytes(Path.Combine(dir, "bad.xlsx"), XlsxWriter.Write("s", [BankTemplate.Headers, .. Enumerable.Range(0, 250).Select(Row)]));
            var bad = Run($"banks import {dir}/bad.xlsx --trade lathe-operator", env);
            bad.Exit.ShouldBe(1);
            bad.Err.ShouldContain("import refused, nothing was written (250 problems)");
            bad.Err.Split('\n').Count(l => l.Contains("未知等级 '特级'")).ShouldBe(ImportProblems.Listed);
            bad.Err.ShouldContain("另有 150 处问题未列出");

            File.WriteAllBytes(Path.Combine(dir, "million.xlsx"), HostileSheets.ManyRows(BankTemplate.Headers, ["x"], 1_000_000));
            var huge = Run($"banks import {dir}/million.xlsx --trade lathe-operator", env);
            huge.Exit.ShouldBe(1);
            huge.Err.ShouldContain("超过 50,000 行上限");
            huge.Err.Length.ShouldBeLessThan(4096);
        }
        finally { Directory.Delete(dir, true); }
    }
}
