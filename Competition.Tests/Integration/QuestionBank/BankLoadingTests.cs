using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Competition.Engine.QuestionBank.Files;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Competition.Tests.Integration.QuestionBank;

public class BankLoadingTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StartingTwice_LoadsTheShippedBanksOnce(DatabaseProvider provider)
    {
        var shipped = BankFolder.Read(Paths.ShippedBanks);
        await using var app = await AppFactory.StartAsync(provider);
        await using (var db = app.Database.NewContext())
        {
            (await db.Questions.CountAsync()).ShouldBe(shipped.QuestionCount);
            (await db.QuestionVersions.CountAsync()).ShouldBe(shipped.QuestionCount);
            (await db.Trades.CountAsync()).ShouldBe(shipped.Files.Count);
        }
        var again = await app.SendAsync(new LoadBanks.Command(Paths.ShippedBanks));
        again.Added.ShouldBe(0);
        again.Revised.ShouldBe(0);
        again.Unchanged.ShouldBe(shipped.QuestionCount);
        await using (var db = app.Database.NewContext())
            (await db.QuestionVersions.CountAsync()).ShouldBe(shipped.QuestionCount);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ChangingAQuestion_AddsAVersionAndKeepsTheOldOne(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var dir = Directory.CreateTempSubdirectory("bank-").FullName;
        try
        {
            string Bank(string stem) => $"trade:\n  code: demo\n  name: 演示\n  nameEn: Demo\n  category: 测试\nquestions:\n" +
                $"  - id: demo-001\n    level: 五级\n    type: truefalse\n    difficulty: 1\n    knowledgePoints: [k]\n    stem: {stem}\n    answer: true\n    explanation: e\n";
            File.WriteAllText(Path.Combine(dir, "demo.yaml"), Bank("第一版题干"));
            await using (var db = test.NewContext())
            {
                await DatabaseMigrator.MigrateAsync(db);
                var h = new LoadBanks.Handler(db, TimeProvider.System);
                (await h.Handle(new LoadBanks.Command(dir), default)).Added.ShouldBe(1);
            }
            File.WriteAllText(Path.Combine(dir, "demo.yaml"), Bank("第二版题干"));
            await using (var db = test.NewContext())
                (await new LoadBanks.Handler(db, TimeProvider.System).Handle(new LoadBanks.Command(dir), default)).Revised.ShouldBe(1);
            await using (var db = test.NewContext())
            {
                var q = await db.Questions.SingleAsync();
                q.CurrentVersion.ShouldBe(2);
                q.Stem.ShouldBe("第二版题干");
                var versions = await db.QuestionVersions.OrderBy(v => v.Version).ToListAsync();
                versions.Select(v => v.Content.Stem).ShouldBe(["第一版题干", "第二版题干"]);
                var old = await new GetQuestion.Handler(db).Handle(new GetQuestion.Query("demo-001", Competition.Engine.Common.Actor.System, 1), default);
                old.Content.Stem.ShouldBe("第一版题干");
                old.LatestVersion.ShouldBe(2);
            }
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_FiltersByTradeLevelTypeKnowledgePointAndText(DatabaseProvider provider)
    {
        await using var app = await AppFactory.StartAsync(provider);
        var all = await app.SendAsync(new SearchQuestions.Query(Competition.Engine.Common.Actor.System, "lathe-operator", PageSize: 200));
        all.Total.ShouldBeGreaterThanOrEqualTo(40);
        var point = all.Rows.SelectMany(r => r.KnowledgePoints).GroupBy(p => p).OrderByDescending(g => g.Count()).First().Key;
        var byPoint = await app.SendAsync(new SearchQuestions.Query(Competition.Engine.Common.Actor.System, "lathe-operator", KnowledgePoint: point, PageSize: 200));
        byPoint.Total.ShouldBe(all.Rows.Count(r => r.KnowledgePoints.Contains(point)));
        var singles = await app.SendAsync(new SearchQuestions.Query(Competition.Engine.Common.Actor.System, "lathe-operator", SkillLevel.Level5, QuestionType.Single, PageSize: 200));
        singles.Rows.ShouldAllBe(r => r.Level == SkillLevel.Level5 && r.Type == QuestionType.Single);
        singles.Total.ShouldBeGreaterThan(0);
        var word = all.Rows[0].Stem[..4];
        var byText = await app.SendAsync(new SearchQuestions.Query(Competition.Engine.Common.Actor.System, Text: word, PageSize: 200));
        byText.Rows.ShouldContain(r => r.Id == all.Rows[0].Id);
        byText.Rows.ShouldAllBe(r => r.Stem.Contains(word) || r.Id.Contains(word));
    }
}
