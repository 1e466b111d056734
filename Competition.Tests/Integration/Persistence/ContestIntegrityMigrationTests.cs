using Competition.Engine.Judging;
using Competition.Engine.Persistence;
using Competition.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Competition.Tests.Integration.Persistence;

/// <summary>Upgrading a database with live contests: moments, next-due times, reveal progress and mark slots are filled in from what was there.</summary>
public class ContestIntegrityMigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpgradingContests_FillsInMomentsDueTimesRevealsAndSlots_FromTheRowsThatWereThere(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var sqlite = provider == DatabaseProvider.Sqlite;
        object Id(Guid g) => sqlite ? g.ToString().ToUpperInvariant() : g;   // as each provider stores a Guid
        var start = new DateTime(2026, 5, 20, 1, 0, 0, DateTimeKind.Utc);
        Guid running = Guid.NewGuid(), ended = Guid.NewGuid(), contestant = Guid.NewGuid(), task = Guid.NewGuid();
        var marks = Enumerable.Range(1, 4).Select(i => (Id: Guid.NewGuid(), Item: "J1", At: start.AddMinutes(10 - i))).Append((Id: Guid.NewGuid(), Item: "M1", At: start)).ToList();
        await using (var db = test.NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261121000004_Contests");
            foreach (var (id, phase, revealed) in new[] { (running, ContestPhase.Running, 0), (ended, ContestPhase.Ended, 2) })
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "Contests" ("Id", "Title", "TradeCode", "Level", "CityCode", "Groups", "StartsAt", "FreezeAt", "EndsAt", "Phase", "RevealedSteps", "RevealComplete", "TieBreaks", "CreatedAt")
                    VALUES ({0}, '钳工竞赛', 'fitter', 1, 'maanshan', '职工组|学生组', {1}, {2}, {3}, {4}, {5}, FALSE, '', {1})
                    """, Id(id), start, start.AddHours(3), start.AddHours(4), (int)phase, revealed);
            // An over-full three-judge item (four marks, as an older version let in) and an objective item.
            foreach (var m in marks)
                await db.Database.ExecuteSqlRawAsync("""
                    INSERT INTO "ItemMarks" ("Id", "ContestId", "ContestantId", "TaskId", "ItemCode", "JudgeUserId", "Value", "MarkedAt")
                    VALUES ({0}, {1}, {2}, {3}, {4}, {5}, 2, {6})
                    """, Id(m.Id), Id(ended), Id(contestant), Id(task), m.Item, "judge-" + m.Id.ToString("N")[..6], m.At);
        }
        await using (var db = test.NewContext())
        {
            await DatabaseMigrator.MigrateAsync(db);
            var r = await db.Contests.SingleAsync(c => c.Id == running);
            (r.StartedAt, r.FrozenAt, r.EndedAt, r.NextDueAt).ShouldBe((start, (DateTime?)null, (DateTime?)null, start.AddHours(3)));
            var e = await db.Contests.SingleAsync(c => c.Id == ended);
            (e.FrozenAt, e.EndedAt, e.NextDueAt).ShouldBe((start.AddHours(3), start.AddHours(4), (DateTime?)null));
            (e.RevealedSteps("职工组"), e.RevealedSteps("学生组")).ShouldBe((2, 2));
            r.RevealedSteps("职工组").ShouldBe(0);

            var slots = (await db.ItemMarks.AsNoTracking().ToListAsync()).ToDictionary(m => m.Id, m => m.Slot);
            // Numbered in the order they were given: the latest J1 mark (i = 1) is the fourth.
            marks.Where(m => m.Item == "J1").OrderBy(m => m.At).Select(m => slots[m.Id]).ShouldBe([1, 2, 3, 4]);
            slots[marks.Single(m => m.Item == "M1").Id].ShouldBe(1);
        }
    }
}
